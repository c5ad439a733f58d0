package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RawHttp;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A header Jersey parses while routing (Content-Type, Accept, ...) that is malformed or repeated was a
 * bare 400 with no body and no correlation id; it is a 400 in the surface's format naming the header,
 * and nothing is written.
 */
class MalformedHeadersTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).adminToken("it", AdminScope.WRITE).build();
    @Token("workday") static String hr;
    @Token("it") static String admin;

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type: foo", "Content-Type: ;;", "Content-Type: application/scim+json; charset",
            "Content-Type: application/json\r\nContent-Type: application/json", "Accept: ///", "Accept-Language: ;;;"})
    void aBadHeaderOnAScimWriteIsA400ScimErrorNamingItAndWritesNothing(String header) {
        RawHttp.Answer a = post("/scim/v2/Users", hr, header, "{\"userName\":\"bad-header@corp.com\"}");

        assertThat(a.status()).as(a.wire()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/scim+json");
        assertThat(a.json().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(a.json().get("detail").asText()).contains(header.substring(0, header.indexOf(':')) + " header");
        assertThat(a.header("X-Correlation-Id")).isNotBlank();
        assertThat(server.get("/scim/v2/Users?filter=userName%20eq%20%22bad-header@corp.com%22", hr)
                .jsonBody().get("totalResults").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type: foo", "Accept: ///"})
    void aBadHeaderOnTheAdminApiIsA400ProblemDetails(String header) {
        RawHttp.Answer a = post("/api/v1/sources", admin, header, "{\"name\":\"bad-header\",\"kind\":\"crm\"}");

        assertThat(a.status()).as(a.wire()).isEqualTo(400);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        assertThat(a.json().get("status").asInt()).isEqualTo(400);
        assertThat(server.get("/api/v1/sources/bad-header", admin).status()).isEqualTo(404);
    }

    private static RawHttp.Answer post(String path, String token, String header, String body) {
        return RawHttp.send(URI.create(server.baseUrl()).getPort(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + token + "\r\n" + header + "\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }
}
