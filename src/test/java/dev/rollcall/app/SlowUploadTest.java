package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients that send their bodies slowly or stall hold no worker thread: other clients are answered
 * within 1 s, and a body that does not arrive within the body timeout is answered 408.
 */
class SlowUploadTest {
    /** More slow clients than the test server has workers (its pool size, 8). */
    static final int SLOW_CLIENTS = 12;
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .env("ROLLCALL_HTTP_BODY_TIMEOUT_MS", "2500")
            .source("hr-slow", SourceKind.HRIS)
            .build();
    @Token("hr-slow") static String hr;

    @Test
    void clientsTricklingTheirBodiesDoNotDelayOthers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(startUpload(100));
            }
            long until = System.nanoTime() + Duration.ofMillis(1800).toNanos();
            int rounds = 0;
            while (System.nanoTime() < until && rounds++ < 20) {
                for (Socket s : slow) {
                    s.getOutputStream().write('{');
                    s.getOutputStream().flush();
                }
                assertAnsweredWithinOneSecond(() -> server.get("/healthz", null), 200);
                assertAnsweredWithinOneSecond(() -> server.get("/scim/v2/Users?count=1", hr), 200);
                assertAnsweredWithinOneSecond(() -> server.post("/scim/v2/Users", hr,
                        "{\"userName\":\"fast-" + System.nanoTime() + "@corp.example\"}"), 201);
                Thread.sleep(200);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aStalledBodyIsAnswered408AndItsConnectionClosed() throws Exception {
        try (Socket stalled = startUpload(100)) {
            stalled.getOutputStream().write("{\"userName\":".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            stalled.setSoTimeout(8000);
            long t = System.nanoTime();
            String answer = readAll(stalled.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("urn:ietf:params:scim:api:messages:2.0:Error").contains("\"status\":\"408\"");
            assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(6));
        }
    }

    /** Sends a POST's headers announcing {@code length} body bytes and nothing of the body. */
    private static Socket startUpload(int length) throws IOException {
        URI base = URI.create(server.baseUrl());
        Socket s = new Socket(InetAddress.getLoopbackAddress(), base.getPort());
        OutputStream out = s.getOutputStream();
        out.write(("POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + hr
                + "\r\nContent-Type: application/scim+json\r\nContent-Length: " + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /** Reads until the server closes the connection (bounded by the socket's timeout). */
    private static String readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] b = new byte[4096];
        try {
            int n;
            while ((n = in.read(b)) >= 0) {
                got.write(b, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no close; got: " + got.toString(StandardCharsets.UTF_8), e);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    private static void assertAnsweredWithinOneSecond(java.util.function.Supplier<HttpResult> request, int status) {
        long t = System.nanoTime();
        assertThat(request.get().status()).isEqualTo(status);
        assertThat(Duration.ofNanos(System.nanoTime() - t)).isLessThan(Duration.ofSeconds(1));
    }
}
