package dev.rollcall.scim.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import dev.rollcall.testing.RowCounts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A lone UTF-16 surrogate (an escaped {@code ud800} alone is valid JSON) cannot be stored — the driver would
 * write '?' — so it is refused wherever a string enters, and a later real {@code x?y} is its own user.
 */
class LoneSurrogateTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).adminToken("it", AdminScope.WRITE).build();
    @Token("workday") static String hr;
    @Token("it") static String admin;

    @Test
    void aUserNameWithALoneSurrogateIsRefusedAndTheQuestionMarkUserIsStillFree() {
        Map<String, Integer> before = RowCounts.of(server);
        HttpResult refused = server.post("/scim/v2/Users", hr, "{\"userName\":\"x\\ud800y\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.jsonBody().get("scimType").asText()).isEqualTo("invalidSyntax");
        assertThat(refused.jsonBody().get("detail").asText()).contains("lone UTF-16 surrogate").contains("/userName");
        assertThat(RowCounts.of(server)).isEqualTo(before);
        assertThat(server.post("/scim/v2/Users", hr, "{\"userName\":\"x?y\"}").status()).isEqualTo(201);
    }

    @Test
    void aLoneSurrogateDeepInsideOrInAMemberNameIsRefused() {
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult deep = server.post("/scim/v2/Users", hr,
                "{\"userName\":\"deep@corp.com\",\"emails\":[{\"value\":\"a@b.c\"},{\"value\":\"\\udc00@b.c\"}]}");
        HttpResult name = server.post("/scim/v2/Users", hr, "{\"userName\":\"name@corp.com\",\"\\ud83d\":1}");

        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.jsonBody().get("detail").asText()).contains("/emails/1/value");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.jsonBody().get("detail").asText()).contains("member name");
        assertThat(RowCounts.of(server)).isEqualTo(before);
    }

    @Test
    void aPatchValueWithALoneSurrogateChangesNothing() {
        String id = server.post("/scim/v2/Users", hr, "{\"userName\":\"patch-me@corp.com\",\"displayName\":\"Before\"}")
                .jsonBody().get("id").asText();
        Map<String, Integer> before = RowCounts.of(server);

        HttpResult r = server.patch("/scim/v2/Users/" + id, hr, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"After\\ud800\"}]}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(RowCounts.of(server)).isEqualTo(before);
        assertThat(server.get("/scim/v2/Users/" + id, hr).jsonBody().get("displayName").asText()).isEqualTo("Before");
    }

    @Test
    void aFilterLiteralWithALoneSurrogateIsAnInvalidFilterNotAMatchForQuestionMarks() {
        server.post("/scim/v2/Users", hr, "{\"userName\":\"q?q\"}");

        HttpResult r = server.get("/scim/v2/Users?filter=userName%20eq%20%22q%5Cud800q%22", hr);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.jsonBody().get("scimType").asText()).isEqualTo("invalidFilter");
        assertThat(r.jsonBody().get("detail").asText()).contains("lone UTF-16 surrogate");
    }

    @Test
    void anAdminBodyWithALoneSurrogateIsProblemDetails() {
        HttpResult r = server.post("/api/v1/sources", admin, "{\"name\":\"crm\\udfff\",\"kind\":\"crm\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonBody().get("detail").asText()).contains("lone UTF-16 surrogate");
    }

    @Test
    void aRealSurrogatePairIsKeptAsSent() {
        HttpResult r = server.post("/scim/v2/Users", hr, "{\"userName\":\"smile\\ud83d\\ude00@corp.com\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(server.get("/scim/v2/Users/" + r.jsonBody().get("id").asText(), hr).jsonBody().get("userName").asText())
                .isEqualTo("smile\uD83D\uDE00@corp.com");
    }
}
