package dev.rollcall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;

/** SCIM pushes and problem-details assertions shared by the admin API tests. */
final class AdminFixture {
    static final String LIFECYCLE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";

    private AdminFixture() {
    }

    /** Pushes a User (workerId and crmAccountId optional) and returns the created resource. */
    static JsonNode push(RollcallServerExtension server, String token, String userName, String given, String family,
                         String email, String workerId, String crmAccountId) {
        StringBuilder lifecycle = new StringBuilder();
        if (workerId != null) {
            lifecycle.append("\"workerId\":\"").append(workerId).append('"');
        }
        if (crmAccountId != null) {
            lifecycle.append(lifecycle.length() > 0 ? "," : "").append("\"crmAccountId\":\"").append(crmAccountId).append('"');
        }
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"%s","active":true,"name":{"givenName":"%s","familyName":"%s"},
                 "emails":[{"value":"%s","type":"work","primary":true}],
                 "%s":{%s}}
                """.formatted(LIFECYCLE, userName, given, family, email, LIFECYCLE, lifecycle);
        HttpResult r = server.post("/scim/v2/Users", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody();
    }

    static String personId(JsonNode user) {
        return user.path(LIFECYCLE).path("personId").asText();
    }

    static void assertProblem(HttpResult r, int status, String detailFragment) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.jsonBody().get("status").asInt()).isEqualTo(status);
        assertThat(r.jsonBody().get("detail").asText()).contains(detailFragment);
    }
}
