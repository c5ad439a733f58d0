package dev.rollcall.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * POSTs to {@code http://} targets over its own blocking HTTP/1.1 connections, kept alive per checked
 * address and port (LIFO, at most {@value #IDLE_PER_TARGET} idle ones, none idle longer than
 * {@link #IDLE_FOR}); {@code https://} goes to {@code tls} ({@link JdkTransport}, which checks
 * certificates per host name). Why not the JDK client for plain HTTP too: it hands each exchange
 * between the caller, its selector and worker threads through futures, which cost more CPU than
 * the rest of a delivery. Like it, this connects to the checked address only (the target's host
 * goes in {@code Host}), follows no redirect, and bounds each attempt by its timeout (connect and
 * answer together). A kept-alive connection that turns out closed before any byte of an answer
 * (the receiver dropped it while idle) is replaced by a fresh one once; any other failure is the
 * attempt's.
 */
public final class PooledHttpTransport implements Transport {
    static final int IDLE_PER_TARGET = 32;
    static final Duration IDLE_FOR = Duration.ofSeconds(4);
    private final Duration connectTimeout;
    private final Transport tls;
    private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();
    private long opened;
    private long sweptAt = System.nanoTime();

    public PooledHttpTransport(Duration connectTimeout, Transport tls) {
        this.connectTimeout = connectTimeout;
        this.tls = tls;
    }

    @Override
    public Answer post(InetAddress address, URI target, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        if (!"http".equalsIgnoreCase(target.getScheme())) {
            return tls.post(address, target, headers, body, timeout);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] request = request(target, headers, body);
        int port = target.getPort() >= 0 ? target.getPort() : 80;
        String key = (address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress()) + ":" + port;
        Connection kept = takeIdle(key);
        if (kept != null) {
            try {
                return exchange(kept, key, request, deadline);
            } catch (Http1Answer.NothingAnswered e) {
                // closed by the receiver while it was idle: send once more, on a fresh connection
            }
        }
        return exchange(connect(address, port, deadline), key, request, deadline);
    }

    /** How many connections were opened (tests: kept-alive ones are reused). */
    synchronized long opened() {
        return opened;
    }

    private Answer exchange(Connection c, String key, byte[] request, long deadline) throws IOException {
        boolean reusable = false;
        try {
            c.deadline = deadline;
            try {
                c.out.write(request);
                c.out.flush();
            } catch (IOException e) {
                throw c.reused ? new Http1Answer.NothingAnswered(e.toString()) : e;
            }
            Http1Answer a;
            try {
                a = Http1Answer.read(c.in);
            } catch (Http1Answer.NothingAnswered e) {
                if (c.reused) {
                    throw e;
                }
                throw new IOException(e.getMessage());
            } catch (SocketTimeoutException e) {
                throw new HttpTimeoutException("request timed out");
            } catch (IOException e) {
                // a reset on a reused connection before any byte also means it was closed while idle
                throw c.reused && !c.answered ? new Http1Answer.NothingAnswered(e.toString()) : e;
            }
            reusable = a.reusable();
            return new Answer(a.status(), a.retryAfter(), a.head());
        } finally {
            if (reusable) {
                putIdle(key, c);
            } else {
                c.close();
            }
        }
    }

    private Connection connect(InetAddress address, int port, long deadline) throws IOException {
        long left = Math.min(connectTimeout.toMillis(), millisLeft(deadline));
        Socket s = new Socket(java.net.Proxy.NO_PROXY); // straight to the checked address, never through a SOCKS proxy setting
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(address, port), (int) Math.max(1, left));
        } catch (SocketTimeoutException e) {
            s.close();
            throw new HttpTimeoutException("connect timed out");
        } catch (IOException e) {
            s.close();
            throw e;
        }
        synchronized (this) {
            opened++;
        }
        return new Connection(s);
    }

    private Connection takeIdle(String key) {
        long now = System.nanoTime();
        synchronized (idle) {
            if (now - sweptAt > IDLE_FOR.toNanos()) {
                sweep(now);
            }
            ArrayDeque<Connection> q = idle.get(key);
            Connection c = q == null ? null : q.pollLast();
            if (c != null && now - c.idleSince > IDLE_FOR.toNanos()) {
                // the most recent is too old, so are all older ones
                c.close();
                q.forEach(Connection::close);
                q.clear();
                c = null;
            }
            if (c != null) {
                c.reused = true;
                c.answered = false;
            }
            return c;
        }
    }

    /** Closes every connection idle too long, of all targets (one no longer sent to would keep its sockets open). Holds idle's lock. */
    private void sweep(long now) {
        sweptAt = now;
        idle.values().forEach(q -> q.removeIf(c -> {
            boolean old = now - c.idleSince > IDLE_FOR.toNanos();
            if (old) {
                c.close();
            }
            return old;
        }));
        idle.values().removeIf(ArrayDeque::isEmpty);
    }

    private void putIdle(String key, Connection c) {
        c.idleSince = System.nanoTime();
        synchronized (idle) {
            ArrayDeque<Connection> q = idle.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (q.size() >= IDLE_PER_TARGET) {
                q.pollFirst().close();
            }
            q.addLast(c);
        }
    }

    /** The request line, headers and body in one buffer (one write); refuses header text that would break lines. */
    static byte[] request(URI target, Map<String, String> headers, byte[] body) throws IOException {
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        StringBuilder h = new StringBuilder(512).append("POST ").append(path);
        if (target.getRawQuery() != null) {
            h.append('?').append(target.getRawQuery());
        }
        h.append(" HTTP/1.1\r\n");
        header(h, "Host", target.getRawAuthority());
        header(h, "Content-Type", headers.getOrDefault("Content-Type", "application/json"));
        header(h, "User-Agent", "Rollcall-Webhooks/1");
        header(h, "Content-Length", Integer.toString(body.length));
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (!e.getKey().equalsIgnoreCase("Content-Type")) {
                header(h, e.getKey(), e.getValue());
            }
        }
        h.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + body.length);
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        return out.toByteArray();
    }

    private static void header(StringBuilder h, String name, String value) throws IOException {
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
        h.append(name).append(": ").append(value).append("\r\n");
    }

    private static long millisLeft(long deadline) {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }

    /** One socket with its streams; each read waits at most until the current attempt's deadline. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long deadline;
        long idleSince;
        boolean reused;
        boolean answered;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            InputStream raw = socket.getInputStream();
            this.in = new BufferedInputStream(new FilterInputStream(raw) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    long left = millisLeft(deadline);
                    if (left <= 0) {
                        throw new SocketTimeoutException("the attempt's time is up");
                    }
                    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                    int n = super.read(b, off, len);
                    answered |= n > 0;
                    return n;
                }
            }, 8192);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
