package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.app.http.CodecErrorAnswers;
import dev.rollcall.testing.LogCapture;
import dev.rollcall.testing.RawHttp;
import dev.rollcall.testing.RollcallServerExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What Grizzly's HTTP codec refuses before any handler runs (it cannot parse the request as HTTP) was
 * a bare 400 or 505 with an empty body; it is that status with a body in the surface's error format,
 * a correlation id, and the connection closed.
 */
@Timeout(30)
class CodecRefusalsTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder().build();

    private static final String PAD = "p".repeat(9000);

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users", "/api/v1/sources"})
    void noHostOnHttp11(String path) {
        assertRefused(send("GET " + path + " HTTP/1.1\r\nConnection: close\r\n\r\n"), path, 400, "Host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users", "/api/v1/sources"})
    void differingContentLengths(String path) {
        assertRefused(send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x"), path, 400, "Content-Length");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users", "/api/v1/sources"})
    void oversizedRequestLine(String path) {
        assertRefused(send("GET " + path + "?filter=" + PAD + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), path, 400, "request line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users", "/api/v1/sources"})
    void oversizedHeaderBlock(String path) {
        assertRefused(send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + PAD + "\r\n\r\n"), path, 400, "headers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users", "/api/v1/sources"})
    void malformedChunkSize(String path) {
        assertRefused(send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), path, 400, "chunked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users", "/api/v1/sources"})
    void malformedChunkSizeWhileTheHandlerAwaitsTheBody(String path) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        assertRefused(RawHttp.sendInParts(port(), List.of(bytes(head + "2\r\n{}\r\n"), bytes("zz\r\n{}\r\n0\r\n\r\n"))),
                path, 400, "chunked");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users", "/api/v1/sources"})
    void unknownHttpVersion(String path) {
        assertRefused(send("GET " + path + " HTTP/1.7\r\nHost: 127.0.0.1\r\n\r\n"), path, 505, "HTTP version");
    }

    @Test
    void aGarbledRequestLineGetsProblemDetails() {
        RawHttp.Answer a = send("GET " + PAD + PAD + "\r\n\r\n");

        assertThat(a.status()).as(a.wire()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void theRefusalIsLoggedOnceUnderTheCorrelationIdTheAnswerCarries() {
        try (LogCapture log = LogCapture.of(CodecErrorAnswers.class)) {
            RawHttp.Answer a = send("GET /scim/v2/Users HTTP/1.1\r\nX-Correlation-Id: codec-case-0001\r\n\r\n");

            assertThat(a.header("X-Correlation-Id")).isEqualTo("codec-case-0001");
            assertThat(log.messages()).filteredOn(m -> m.contains("codec-case-0001")).singleElement()
                    .satisfies(m -> assertThat(m).contains("Host").contains("/scim/v2/Users"));
        }
    }

    private static void assertRefused(RawHttp.Answer a, String path, int status, String detail) {
        assertThat(a.status()).as(a.wire()).isEqualTo(status);
        assertThat(a.body()).as(a.wire()).isNotEmpty().doesNotContain("java.", "Exception", "rizzly", "packet");
        if (path.startsWith("/scim/")) {
            assertThat(a.header("Content-Type")).startsWith("application/scim+json");
            assertThat(a.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(a.json().get("status").asText()).isEqualTo(Integer.toString(status));
        } else {
            assertThat(a.header("Content-Type")).startsWith("application/problem+json");
            assertThat(a.json().get("status").asInt()).isEqualTo(status);
        }
        assertThat(a.json().get("detail").asText()).contains(detail);
        assertThat(a.header("X-Correlation-Id")).isNotBlank();
        assertThat(a.header("Connection")).isEqualTo("close");
        assertThat(a.closed()).as("connection closed").isTrue();
        assertThat(a.responses()).isEqualTo(1);
    }

    private static RawHttp.Answer send(String request) {
        return RawHttp.send(port(), request);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int port() {
        return URI.create(server.baseUrl()).getPort();
    }
}
