package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plain-HTTP transport (Apache HttpClient 5) against a scripted loopback receiver: connections
 * are kept alive and reused, answers are read by Content-Length, chunks or to the end, a long answer is
 * cut off and its connection dropped, a request the receiver dropped unanswered is sent once more,
 * headers cannot break lines, and an attempt ends at its timeout.
 */
class PooledHttpTransportTest {
    private final PooledHttpTransport transport = new PooledHttpTransport(Duration.ofSeconds(2), (a, t, h, b, d) -> {
        throw new AssertionError("no https here");
    });
    private Receiver receiver;

    @AfterEach
    void stop() throws IOException {
        receiver.close();
        transport.close();
    }

    @Test
    void keptAliveConnectionsAreReusedAndRequestsCarryHostPathAndHeaders() throws Exception {
        receiver = new Receiver(n -> answer("200 OK", "Content-Length: 2\r\n", "ok"), false);
        for (int i = 0; i < 3; i++) {
            Transport.Answer a = post("http://lms.example.com:" + receiver.port() + "/a%2Fb?x=1%262", Map.of("webhook-id", "01J"));
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.head()).isEqualTo("ok");
        }
        assertThat(receiver.connections.get()).isEqualTo(1);
        assertThat(transport.open()).isEqualTo(1);
        String first = receiver.requests.get(0);
        assertThat(first).startsWith("POST /a%2Fb?x=1%262 HTTP/1.1\r\n").contains("Host: lms.example.com:" + receiver.port())
                .contains("webhook-id: 01J").contains("Content-Length: 4").contains("Content-Type: application/json")
                .endsWith("\r\n\r\n{\"a\"");
    }

    @Test
    void chunkedAnswersInformationalAnswersAndRetryAfterAreRead() throws Exception {
        String big = "x".repeat(3000);
        receiver = new Receiver(n -> "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Busy\r\nRetry-After: 7\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n3;x=y\r\nabc\r\n0\r\nTrailer: t\r\n\r\n", false);
        Transport.Answer a = post("http://127.0.0.1:" + receiver.port() + "/", Map.of());
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.retryAfter()).contains("7");
        assertThat(a.head()).hasSize(PooledHttpTransport.HEAD_BYTES).matches("x+");
        assertThat(post("http://127.0.0.1:" + receiver.port() + "/", Map.of()).status()).isEqualTo(503);
        assertThat(receiver.connections.get()).as("the chunked answer was read to its end, so the connection was kept")
                .isEqualTo(1);
    }

    @Test
    void aLongAnswerIsCutOffAndItsConnectionDroppedAsIsOneTheReceiverCloses() throws Exception {
        String huge = "y".repeat(PooledHttpTransport.HEAD_BYTES + PooledHttpTransport.DRAIN_BYTES + 1);
        receiver = new Receiver(n -> n == 0 ? answer("200 OK", "Content-Length: " + huge.length() + "\r\n", huge)
                : answer("204 No Content", "Connection: close\r\n", ""), false);
        assertThat(post("http://127.0.0.1:" + receiver.port() + "/", Map.of()).head()).hasSize(PooledHttpTransport.HEAD_BYTES);
        assertThat(post("http://127.0.0.1:" + receiver.port() + "/", Map.of()).status()).isEqualTo(204);
        assertThat(post("http://127.0.0.1:" + receiver.port() + "/", Map.of()).status()).isEqualTo(204);
        assertThat(receiver.connections.get()).isEqualTo(3);
    }

    @Test
    void aConnectionTheReceiverClosedWhileIdleIsReplacedOnce() throws Exception {
        receiver = new Receiver(n -> answer("200 OK", "Content-Length: 0\r\n", ""), true);
        assertThat(post("http://127.0.0.1:" + receiver.port() + "/", Map.of()).status()).isEqualTo(200);
        assertThat(post("http://127.0.0.1:" + receiver.port() + "/", Map.of()).status()).isEqualTo(200);
        assertThat(receiver.connections.get()).isEqualTo(2);
        assertThat(receiver.requests).hasSize(2);
    }

    @Test
    void aReceiverThatNeverAnswersFailsTheAttemptAfterOneResend() throws Exception {
        receiver = new Receiver(n -> null, true);
        assertThatThrownBy(() -> post("http://127.0.0.1:" + receiver.port() + "/", Map.of())).isInstanceOf(IOException.class);
        assertThat(receiver.requests).as("sent, and sent once more: nothing was answered").hasSize(2);
    }

    @Test
    void aHeaderWithALineBreakIsRefusedBeforeAnythingIsSent() throws Exception {
        receiver = new Receiver(n -> answer("200 OK", "Content-Length: 0\r\n", ""), false);
        assertThatThrownBy(() -> post("http://127.0.0.1:" + receiver.port() + "/", Map.of("webhook-id", "a\r\nX-Evil: 1")))
                .isInstanceOf(IOException.class).hasMessageContaining("line break");
        assertThat(receiver.connections.get()).isZero();
    }

    @Test
    void anAttemptEndsAtItsTimeout() throws Exception {
        receiver = new Receiver(n -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, false);
        assertThatThrownBy(() -> transport.post(InetAddress.getLoopbackAddress(), URI.create("http://127.0.0.1:" + receiver.port() + "/"),
                Map.of(), new byte[0], Duration.ofMillis(300))).isInstanceOf(HttpTimeoutException.class);
    }

    private Transport.Answer post(String url, Map<String, String> headers) throws Exception {
        return transport.post(InetAddress.getLoopbackAddress(), URI.create(url), headers, "{\"a\"".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
    }

    private static String answer(String status, String headers, String body) {
        return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
    }

    /** Answers the n-th request (of all connections) as scripted; null: close without answering. */
    private static final class Receiver implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        private final IntFunction<String> script;
        private final boolean closeAfterEach;

        Receiver(IntFunction<String> script, boolean closeAfterEach) throws IOException {
            this.script = script;
            this.closeAfterEach = closeAfterEach;
            Thread t = new Thread(this::accept, "test-receiver");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s), "test-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
                OutputStream out = s.getOutputStream();
                while (true) {
                    StringBuilder req = new StringBuilder();
                    int length = 0;
                    String line;
                    while ((line = in.readLine()) != null && !line.isEmpty()) {
                        req.append(line).append("\r\n");
                        if (line.toLowerCase().startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    if (line == null) {
                        return;
                    }
                    char[] body = new char[length];
                    for (int r = 0; r < length; ) {
                        r += in.read(body, r, length - r);
                    }
                    requests.add(req.append("\r\n").append(body).toString());
                    String answer = script.apply(requests.size() - 1);
                    if (answer == null) {
                        return;
                    }
                    out.write(answer.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (closeAfterEach) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the test is over
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
