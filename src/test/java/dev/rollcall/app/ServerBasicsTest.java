package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerBasicsTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder().build();

    @Test
    void healthzAnswersWithoutToken() {
        HttpResult r = server.get("/healthz", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("up");
    }

    @Test
    void readyzReportsReadyWhenDatabaseIsMigrated() {
        HttpResult r = server.get("/readyz", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("ready");
    }

    @Test
    void scimWithoutTokenIs401ScimError() {
        HttpResult r = server.get("/scim/v2/Users", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/scim+json");
        assertThat(r.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("401");
        assertThat(r.jsonBody().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void scimWithUnknownTokenIs401() {
        assertThat(server.get("/scim/v2/Users", "rc_src_nope").status()).isEqualTo(401);
    }

    @Test
    void scimWithAdminTokenIs403() {
        String admin = server.addAdminToken("reader", AdminScope.READ);
        HttpResult r = server.get("/scim/v2/Users", admin);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("403");
    }

    @Test
    void adminApiWithSourceTokenIs403ProblemDetails() {
        String source = server.addSource("hr-basics", SourceKind.HRIS);
        HttpResult r = server.get("/api/v1/people", source);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownScimPathIs404ScimError() {
        String source = server.addSource("hr-404", SourceKind.HRIS);
        HttpResult r = server.get("/scim/v2/Nothing", source);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.jsonBody().get("status").asText()).isEqualTo("404");
    }
}
