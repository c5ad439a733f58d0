package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.app.http.RequestGate;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.LogCapture;
import dev.rollcall.testing.RawHttp;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request target or Host that Jersey cannot parse is a 400 in the surface's error format, before
 * authentication, with a correlation id that the log line carries too — never an HTML stack trace.
 */
class MalformedRequestTargetTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder().source("workday", SourceKind.HRIS).build();
    @Token("workday") static String hr;

    @ParameterizedTest
    @ValueSource(strings = {"/scim/v2/Users/%zz", "/scim/v2/Users/%", "/scim/v2/Users?filter=%zz",
            "/scim/v2/Users?filter=userName%20eq%20%2", "/scim/v2/Users/a\"b", "/scim/v2/Users?filter=a\"b"})
    void aMalformedScimTargetIsA400ScimErrorBeforeAuthentication(String target) {
        RawHttp.Answer a = get(target, "Host: 127.0.0.1", null);

        assertThat(a.status()).as(a.wire()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/scim+json");
        assertThat(a.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(a.json().get("status").asText()).isEqualTo("400");
        assertThat(a.json().get("detail").asText()).startsWith("the request ");
        assertNoInternals(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%", "/api/v1/people/%zz", "/healthz?x=%g1", "/api/v1/people?q=a\"b"})
    void aMalformedTargetElsewhereIsA400ProblemDetails(String target) {
        RawHttp.Answer a = get(target, "Host: 127.0.0.1", null);

        assertThat(a.status()).as(a.wire()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(400);
        assertThat(a.json().get("title").asText()).isEqualTo("Bad Request");
        assertNoInternals(a);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host: a b", "Host: [::1", "Host: ", "Host: x:8a", "Host: a\r\nHost: b"})
    void aMalformedOrRepeatedHostIsA400ScimErrorUnderScim(String hostLines) {
        RawHttp.Answer a = get("/scim/v2/Users", hostLines, hr);

        assertThat(a.status()).as(a.wire()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/scim+json");
        assertThat(a.json().get("detail").asText()).contains("Host");
        assertNoInternals(a);
    }

    @Test
    void aMalformedHostElsewhereIsA400ProblemDetails() {
        RawHttp.Answer a = get("/healthz", "Host: a b", null);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertNoInternals(a);
    }

    @Test
    void theRefusalIsLoggedUnderTheCorrelationIdTheAnswerCarries() {
        try (LogCapture log = LogCapture.of(RequestGate.class)) {
            RawHttp.Answer a = get("/scim/v2/Users/%zz", "Host: 127.0.0.1\r\nX-Correlation-Id: fuzz-case-0042", null);

            assertThat(a.header("X-Correlation-Id")).isEqualTo("fuzz-case-0042");
            assertThat(log.messages()).anySatisfy(m -> assertThat(m)
                    .contains("malformed percent escape").contains("/scim/v2/Users/%zz").contains("fuzz-case-0042"));
        }
    }

    @Test
    void wellFormedEscapesAndHostsStillReachTheResources() {
        assertThat(get("/scim/v2/Users/%C3%A9%20x", "Host: 127.0.0.1", hr).status()).isEqualTo(404);
        assertThat(get("/scim/v2/Users?filter=userName%20eq%20%22a%22", "Host: [::1]:8080", hr).status()).isEqualTo(200);
        assertThat(get("/scim/v2/Users?count=1&x={a}", "Host: localhost", hr).status()).isEqualTo(200);
        RawHttp.Answer http10 = RawHttp.send(port(), "GET /healthz HTTP/1.0\r\n\r\n");
        assertThat(http10.status()).isEqualTo(200);
    }

    private static void assertNoInternals(RawHttp.Answer a) {
        assertThat(a.body()).doesNotContain("<html", "java.", "Exception", "grizzly", "Grizzly");
        assertThat(a.header("X-Correlation-Id")).isNotBlank();
    }

    private static RawHttp.Answer get(String target, String hostLines, String token) {
        String auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
        return RawHttp.send(port(), "GET " + target + " HTTP/1.1\r\n" + hostLines + "\r\n" + auth + "Connection: close\r\n\r\n");
    }

    private static int port() {
        return URI.create(server.baseUrl()).getPort();
    }
}
