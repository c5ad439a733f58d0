package dev.rollcall.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * POSTs over java.net.http clients: HTTP/1.1 with keep-alive, no redirects followed. Every target
 * is reached at the checked address itself, with the target's host in {@code Host}, so a DNS answer
 * that changes after the check (rebinding) is never used. For HTTPS to a host name, the client of
 * that host sends the name as SNI and verifies the certificate for the name ({@link HostNameTrust});
 * clients are kept per host name (the JDK client fixes its TLS settings at creation), the most recently
 * used {@value #TLS_CLIENTS} of them.
 */
public final class JdkTransport implements Transport {
    private static final int HEAD_BYTES = 1024;
    private static final int DRAIN_BYTES = 64 * 1024;
    static final int TLS_CLIENTS = 64;
    private final Duration connectTimeout;
    private final X509ExtendedTrustManager trust;
    private final HttpClient plain;
    private final Map<String, HttpClient> tls = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HttpClient> eldest) {
            return size() > TLS_CLIENTS;
        }
    };

    /** Certificates checked against the JDK's trust store. */
    public JdkTransport(Duration connectTimeout) {
        this(connectTimeout, (KeyStore) null);
    }

    /** Certificates checked against {@code trustStore} (tests: a self-signed receiver); null for the JDK's. */
    public JdkTransport(Duration connectTimeout, KeyStore trustStore) {
        this.connectTimeout = connectTimeout;
        this.trust = HostNameTrust.fromStore(trustStore);
        this.plain = builder().build();
        try {
            HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "example.com");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("start the JVM with -Djdk.httpclient.allowRestrictedHeaders=host"
                    + " (Main sets it): webhooks name their target in Host", e);
        }
    }

    @Override
    public Answer post(InetAddress address, URI target, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(atAddress(target, address))
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", headers.getOrDefault("Content-Type", "application/json"))
                .header("User-Agent", "Rollcall-Webhooks/1")
                .header("Host", target.getRawAuthority());
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        HttpResponse<InputStream> response = clientFor(target).send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String head;
        try (InputStream in = response.body()) {
            head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
            // a short rest is read and dropped so that the connection can be kept alive; a long one is cut off
            in.readNBytes(DRAIN_BYTES);
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"), head);
    }

    private HttpClient clientFor(URI target) {
        String host = target.getHost();
        if (!"https".equalsIgnoreCase(target.getScheme()) || isLiteral(host)) {
            // plain HTTP; or HTTPS to an IP literal, whose certificate the JDK checks against that IP
            return plain;
        }
        synchronized (tls) {
            return tls.computeIfAbsent(host.toLowerCase(java.util.Locale.ROOT), this::tlsClient);
        }
    }

    private HttpClient tlsClient(String host) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new HostNameTrust(trust, host)}, null);
            SSLParameters parameters = context.getDefaultSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            return builder().sslContext(context).sslParameters(parameters).build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("no TLS client for " + host + ": " + e.getMessage(), e);
        }
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout);
    }

    private static boolean isLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** The target with the address in place of its host; path and query stay exactly as they were written. */
    static URI atAddress(URI target, InetAddress address) {
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return URI.create(target.getScheme() + "://" + host + (target.getPort() >= 0 ? ":" + target.getPort() : "") + path
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }
}
