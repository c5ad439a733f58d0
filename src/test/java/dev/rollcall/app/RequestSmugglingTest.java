package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RawHttp;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that frames its body both by Content-Length and by Transfer-Encoding is refused (400) in
 * either header order, nothing in it is written, and the connection is closed, so bytes a front proxy
 * would have read as a second request are never served.
 */
class RequestSmugglingTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder().source("workday", SourceKind.HRIS).build();
    @Token("workday") static String hr;

    private static final String BODY = "{\"userName\":\"smuggled@corp.com\"}";
    private static final String SMUGGLED = "GET /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n\r\n";

    @Test
    void contentLengthBeforeChunkedIsRefusedAndTheConnectionClosed() {
        RawHttp.Answer a = RawHttp.send(port(), head("Content-Length: 4\r\nTransfer-Encoding: chunked\r\n") + chunked(BODY)
                + SMUGGLED.formatted(hr));

        assertRefused(a);
    }

    @Test
    void chunkedBeforeContentLengthIsRefusedAndTheConnectionClosed() {
        RawHttp.Answer a = RawHttp.send(port(), head("Transfer-Encoding: chunked\r\nContent-Length: 4\r\n") + chunked(BODY)
                + SMUGGLED.formatted(hr));

        assertRefused(a);
    }

    @Test
    void bothHeadersAreSeenWhenTheHeaderBlockArrivesInPieces() {
        String request = head("Content-Length: 4\r\nX-Pad: " + "p".repeat(3000) + "\r\nTransfer-Encoding: chunked\r\n") + chunked(BODY);
        int cut = request.indexOf("X-Pad") + 100;
        RawHttp.Answer a = RawHttp.sendInParts(port(), List.of(bytes(request.substring(0, cut)), bytes(request.substring(cut))));

        assertRefused(a);
    }

    @Test
    void aChunkedBodyAloneIsStillAccepted() {
        RawHttp.Answer a = RawHttp.send(port(), head("Transfer-Encoding: chunked\r\nConnection: close\r\n")
                + chunked("{\"userName\":\"chunked@corp.com\"}"));

        assertThat(a.status()).as(a.wire()).isEqualTo(201);
    }

    private static void assertRefused(RawHttp.Answer a) {
        assertThat(a.status()).as(a.wire()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/scim+json");
        assertThat(a.json().get("detail").asText()).contains("Content-Length").contains("Transfer-Encoding");
        assertThat(a.header("Connection")).isEqualTo("close");
        assertThat(a.closed()).as("connection closed").isTrue();
        assertThat(a.responses()).as("the smuggled request got no answer").isEqualTo(1);
        HttpResult written = server.get("/scim/v2/Users?filter=userName%20eq%20%22smuggled@corp.com%22", hr);
        assertThat(written.jsonBody().get("totalResults").asInt()).isZero();
    }

    private static String head(String framing) {
        return "POST /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + hr
                + "\r\nContent-Type: application/scim+json\r\n" + framing + "\r\n";
    }

    private static String chunked(String body) {
        return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int port() {
        return URI.create(server.baseUrl()).getPort();
    }
}
