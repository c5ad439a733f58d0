package dev.rollcall.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs to {@code http://} targets with Apache HttpClient 5 (classic, blocking): keep-alive connections
 * pooled per checked address (most recently used first), closed after {@link #IDLE_FOR} idle;
 * {@code https://} goes to {@code tls} ({@link JdkTransport}, which checks certificates per host name).
 * Why not the JDK client for plain HTTP too: it hands each exchange between the caller, its selector
 * and worker threads through futures, which cost more CPU than the rest of a delivery.
 * Like it, this connects only to the checked address (an {@link HttpHost} with that address; the
 * client's own DNS resolver refuses every name, so nothing unchecked is ever reached), sends the
 * target's host in {@code Host}, uses no proxy, follows no redirect and bounds each attempt by its
 * timeout. A request the receiver dropped without answering (a kept-alive connection it closed while
 * idle) is sent once more; any other failure is the attempt's.
 */
public final class PooledHttpTransport implements Transport, AutoCloseable {
    static final int HEAD_BYTES = 1024;
    static final int DRAIN_BYTES = 64 * 1024;
    static final int PER_TARGET = 32;
    static final Duration IDLE_FOR = Duration.ofSeconds(4);
    private static final long SWEEP_EVERY_NANOS = Duration.ofSeconds(1).toNanos();
    private final Transport tls;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    private final AtomicLong sweptAt = new AtomicLong(System.nanoTime());

    public PooledHttpTransport(Duration connectTimeout, Transport tls) {
        this.tls = tls;
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new RefusingResolver())
                // an answer's head is bounded, its body is read against the attempt's deadline (head())
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setMaxLineLength(8192).setMaxHeaderCount(64).build())
                        .build())
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                // per-route locking: sixteen senders do not queue on one pool-wide lock
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnPerRoute(PER_TARGET)
                .setMaxConnTotal(PER_TARGET * 16)
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setRetryStrategy(new ResendUnanswered())
                .setUserAgent("Rollcall-Webhooks/1")
                .build();
    }

    @Override
    public Answer post(InetAddress address, URI target, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        if (!"http".equalsIgnoreCase(target.getScheme())) {
            return tls.post(address, target, headers, body, timeout);
        }
        HttpPost post = new HttpPost(target);
        post.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .build());
        String contentType = headers.getOrDefault("Content-Type", "application/json");
        checkHeader("Content-Type", contentType);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            checkHeader(h.getKey(), h.getValue());
            if (!h.getKey().equalsIgnoreCase("Content-Type")) {
                post.setHeader(h.getKey(), h.getValue());
            }
        }
        post.setEntity(new ByteArrayEntity(body, null));
        post.setHeader("Content-Type", contentType);
        int port = target.getPort() >= 0 ? target.getPort() : 80;
        HttpHost checked = new HttpHost("http", address, target.getHost(), port);
        sweepIdle();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ClassicHttpResponse response = client.executeOpen(checked, post, null)) {
            Header retryAfter = response.getFirstHeader("Retry-After");
            String head = response.getEntity() == null ? "" : head(post, response, deadline);
            return new Answer(response.getCode(), Optional.ofNullable(retryAfter).map(Header::getValue), head);
        } catch (SocketTimeoutException e) { // a ConnectTimeoutException too
            throw new HttpTimeoutException("request timed out");
        }
    }

    /**
     * The first kilobyte of the answer. A short rest is read so that the connection stays alive; a long
     * one, or one still trickling in at the attempt's deadline, drops the connection instead.
     */
    private static String head(HttpPost post, ClassicHttpResponse response, long deadline) throws IOException {
        try (InputStream in = response.getEntity().getContent()) {
            byte[] first = new byte[HEAD_BYTES];
            int got = 0;
            int n = 0;
            while (got < HEAD_BYTES && (n = in.read(first, got, HEAD_BYTES - got)) >= 0) {
                got += n;
                pastDeadline(post, deadline);
            }
            int drained = 0;
            byte[] skip = new byte[8192];
            while (n >= 0 && drained < DRAIN_BYTES && (n = in.read(skip, 0, Math.min(skip.length, DRAIN_BYTES - drained))) >= 0) {
                drained += n;
                pastDeadline(post, deadline);
            }
            if (n >= 0 && in.read() >= 0) {
                post.cancel(); // more than is worth reading: the connection is shut, not drained for reuse
            }
            return new String(first, 0, got, StandardCharsets.UTF_8);
        }
    }

    private static void pastDeadline(HttpPost post, long deadline) throws IOException {
        if (System.nanoTime() > deadline) {
            post.cancel();
            throw new HttpTimeoutException("the answer was still arriving at the attempt's timeout");
        }
    }

    /** Closes connections idle too long, of every target (one no longer sent to would keep its sockets open). */
    private void sweepIdle() {
        long now = System.nanoTime();
        long last = sweptAt.get();
        if (now - last > SWEEP_EVERY_NANOS && sweptAt.compareAndSet(last, now)) {
            pool.closeExpired();
            pool.closeIdle(TimeValue.of(IDLE_FOR));
        }
    }

    /** Header text that would break lines (or is no header name) is refused before anything is sent. */
    private static void checkHeader(String name, String value) throws IOException {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IOException("not a header name: " + name);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IOException("the value of header " + name + " holds a line break");
            }
        }
    }

    /** Connections open now, leased or idle (tests: kept-alive ones are reused). */
    int open() {
        var stats = pool.getTotalStats();
        return stats.getLeased() + stats.getAvailable();
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Every address is given, already checked; a name reaching the resolver is a bug, so it is refused. */
    private static final class RefusingResolver implements org.apache.hc.client5.http.DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("webhooks connect to checked addresses only, not to " + host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("webhooks connect to checked addresses only, not to " + host);
        }
    }

    /**
     * One resend when nothing was answered (the receiver closed a kept-alive connection while it was
     * idle); deliveries are at least once and receivers drop duplicates by their id. Nothing else is retried.
     */
    private static final class ResendUnanswered implements HttpRequestRetryStrategy {
        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return execCount <= 1 && exception instanceof NoHttpResponseException;
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }

        @Override
        public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
            return TimeValue.ZERO_MILLISECONDS;
        }
    }
}
