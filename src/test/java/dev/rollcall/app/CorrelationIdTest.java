package dev.rollcall.app;

import static dev.rollcall.store.generated.Tables.AUDIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every response carries a correlation id, and every audit row a request writes carries the same one. */
class CorrelationIdTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it", AdminScope.WRITE)
            .build();
    @Token("workday") static String hr;
    @Token("it") static String admin;

    private static final String USER = "{\"userName\":\"corr@corp.com\",\"name\":{\"givenName\":\"Cor\",\"familyName\":\"Rel\"}}";

    @Test
    void aWriteIsAuditedUnderTheCorrelationIdItsResponseCarries() {
        HttpResult r = server.post("/scim/v2/Users", hr, USER);
        assertThat(r.status()).isEqualTo(201);
        String id = r.jsonBody().get("id").asText();
        String correlation = r.header("X-Correlation-Id").orElseThrow();
        assertThat(correlation).matches("[0-9a-f-]{36}");
        assertThat(auditCorrelation("account", id)).isEqualTo(correlation);
    }

    @Test
    void aWellFormedCorrelationIdFromTheClientIsKeptAndAudited() {
        HttpResult r = server.send(server.request("/api/v1/sources", admin)
                .header("Content-Type", "application/json").header("X-Correlation-Id", "okta-req-4711-abc")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"salesforce\",\"kind\":\"crm\"}")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.header("X-Correlation-Id")).hasValue("okta-req-4711-abc");
        String sourceId = server.services().database().dsl().fetchValue(
                "select id from source where name = 'salesforce'").toString();
        assertThat(auditCorrelation("source", sourceId)).isEqualTo("okta-req-4711-abc");
    }

    @Test
    void aMalformedClientCorrelationIdIsReplacedByAFreshOne() {
        HttpResult r = server.send(server.request("/scim/v2/Users?count=1", hr).header("X-Correlation-Id", "a b<script>"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Correlation-Id")).hasValueSatisfying(v -> assertThat(v).matches("[0-9a-f-]{36}"));
    }

    @Test
    void refusedRequestsCarryACorrelationIdToo() {
        HttpResult r = server.get("/scim/v2/Users", "not-a-token");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("X-Correlation-Id")).isPresent();
    }

    private static String auditCorrelation(String targetType, String targetId) {
        return server.services().database().dsl().select(AUDIT.CORRELATION_ID).from(AUDIT)
                .where(AUDIT.TARGET_TYPE.eq(targetType)).and(AUDIT.TARGET_ID.eq(targetId))
                .fetchSingle().value1();
    }
}
