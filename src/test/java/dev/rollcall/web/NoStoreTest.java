package dev.rollcall.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every SCIM and admin answer, success or error, tells caches not to store it. */
class NoStoreTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).adminToken("it", AdminScope.READ).build();
    @Token("workday") static String hr;
    @Token("it") static String admin;

    @Test
    void scimAndAdminAnswersCarryNoStoreErrorsIncluded() {
        HttpResult created = server.post("/scim/v2/Users", hr, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"cache.me","emails":[{"value":"c@corp.com"}]}""");
        String id = created.jsonBody().get("id").asText();
        String personId = created.jsonBody().at("/urn:rollcall:scim:schemas:extension:lifecycle:1.0:User/personId").asText();
        List<HttpResult> answers = List.of(created,
                server.get("/scim/v2/Users/" + id, hr),
                server.get("/scim/v2/Users?filter=userName%20eq%20%22cache.me%22", hr),
                server.post("/scim/v2/.search", hr, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}"),
                server.get("/scim/v2/Users/nope", hr),
                server.get("/scim/v2/Users", "wrong-token"),
                server.post("/scim/v2/Users", hr, "{not json"),
                server.get("/api/v1/people/" + personId, admin),
                server.get("/api/v1/people", admin),
                server.get("/api/v1/sources", admin),
                server.get("/api/v1/people/nope", admin),
                server.get("/api/v1/people", null));
        for (HttpResult a : answers) {
            assertThat(a.header("Cache-Control")).as(a.raw().request().method() + " " + a.raw().uri() + " " + a.status())
                    .hasValue("no-store");
        }
        assertThat(answers).extracting(HttpResult::status).contains(201, 200, 404, 401, 400);
    }

    @Test
    void healthProbesCarryNoPersonalDataAndAreLeftAlone() {
        assertThat(server.get("/healthz", null).header("Cache-Control")).isEmpty();
    }
}
