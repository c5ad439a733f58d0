package dev.rollcall.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay on 127.0.0.1 in front of the test MariaDB, to simulate an outage without touching the
 * shared server: {@link #freeze()} stops relaying bytes (connections stay open, as with a stopped
 * process), {@link #kill()} closes every connection and refuses new ones.
 */
public final class TcpRelay implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("^(jdbc:mariadb://)([^/:]+)(?::(\\d+))?(/.*)$");
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-relay");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile InetSocketAddress target;
    private volatile boolean frozen;
    private volatile boolean killed;

    private TcpRelay() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    public static TcpRelay start() {
        try {
            return new TcpRelay();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Aims the relay at the URL's loopback host and port and returns the URL through the relay. */
    public String route(String jdbcUrl) {
        Matcher m = URL.matcher(jdbcUrl);
        if (!m.matches() || !InetAddressCheck.isLoopback(m.group(2))) {
            throw new IllegalArgumentException("not a loopback jdbc:mariadb URL: " + jdbcUrl);
        }
        target = new InetSocketAddress(m.group(2), m.group(3) == null ? 3306 : Integer.parseInt(m.group(3)));
        return m.group(1) + "127.0.0.1:" + listener.getLocalPort() + m.group(4);
    }

    public void freeze() {
        frozen = true;
    }

    public void kill() {
        killed = true;
        open.forEach(TcpRelay::closeQuietly);
    }

    /** Relays again: thaws a freeze, accepts connections after a kill. */
    public void restore() {
        killed = false;
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (killed || target == null) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 2000);
                open.add(client);
                open.add(upstream);
                threads.execute(() -> pump(client, upstream));
                threads.execute(() -> pump(upstream, client));
            } catch (IOException e) {
                // the listener closed, or the upstream refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                awaitThaw();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private void awaitThaw() throws InterruptedException, IOException {
        synchronized (gate) {
            while (frozen && !killed) {
                gate.wait(100);
            }
        }
        if (killed) {
            throw new IOException("killed");
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        restore();
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(TcpRelay::closeQuietly);
        threads.shutdownNow();
    }

    /** Only loopback targets are ever relayed to. */
    private static final class InetAddressCheck {
        static boolean isLoopback(String host) {
            return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        }
    }
}
