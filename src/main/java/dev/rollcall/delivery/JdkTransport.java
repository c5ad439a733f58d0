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
import java.time.Duration;
import java.util.Map;

/**
 * POSTs over one shared java.net.http client: HTTP/1.1 with keep-alive, no redirects followed. A
 * plain-HTTP target is reached at the checked address itself with the target's host in {@code Host},
 * so a DNS answer that changes after the check (rebinding) is never used. An HTTPS target is reached
 * by its name, since certificate checks need it; its address was checked just before.
 */
public final class JdkTransport implements Transport {
    private static final int HEAD_BYTES = 1024;
    private static final int DRAIN_BYTES = 64 * 1024;
    private final HttpClient client;

    public JdkTransport(Duration connectTimeout) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).build();
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
        boolean plain = "http".equalsIgnoreCase(target.getScheme());
        HttpRequest.Builder request = HttpRequest.newBuilder(plain ? atAddress(target, address) : target)
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", headers.getOrDefault("Content-Type", "application/json"))
                .header("User-Agent", "Rollcall-Webhooks/1");
        if (plain) {
            request.header("Host", target.getRawAuthority());
        }
        headers.forEach((name, value) -> {
            if (!name.equals("Content-Type")) {
                request.header(name, value);
            }
        });
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String head;
        try (InputStream in = response.body()) {
            head = new String(in.readNBytes(HEAD_BYTES), StandardCharsets.UTF_8);
            // a short rest is read and dropped so that the connection can be kept alive; a long one is cut off
            in.readNBytes(DRAIN_BYTES);
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"), head);
    }

    /** The target with the address in place of its host; path and query stay exactly as they were written. */
    static URI atAddress(URI target, InetAddress address) {
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return URI.create(target.getScheme() + "://" + host + (target.getPort() >= 0 ? ":" + target.getPort() : "") + path
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
    }
}
