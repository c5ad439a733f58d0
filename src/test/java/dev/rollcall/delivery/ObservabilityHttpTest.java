package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/v1/health/integrations and /metrics (Prometheus text, admin token by default). */
class ObservabilityHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).source("okta", SourceKind.IDP)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .env("ROLLCALL_WEBHOOK_RETRY_SCHEDULE", "PT1H")
            .network(clock -> new TestNetwork().network())
            .build();
    @Token("workday") static String hr;
    @Token("it-writer") static String writer;
    @Token("it-reader") static String reader;

    private DeliveryFixture fx;

    @AfterEach
    void cleanUp() {
        if (fx != null) {
            fx.cleanUp();
        }
    }

    @Test
    void healthShowsWhatIsOwedHowTheLastHourWentAndEachSourcesRequests() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver good = fx.receiver();
        WebhookReceiver bad = fx.receiver();
        bad.reply(WebhookReceiver.Reply.of(500));
        String ok = fx.subscribe(good, "person.created");
        String failing = fx.subscribe(bad, "person.created");
        fx.hire(hr, "health.one", "W-H1");
        HttpResult refused = server.post("/scim/v2/Users", hr, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}");
        assertThat(refused.status()).isEqualTo(400);
        fx.eventually(Duration.ofMillis(10), () -> !fx.deliveries(reader, ok, "delivered").isEmpty()
                && !fx.deliveries(reader, failing, "failed").isEmpty());

        HttpResult r = server.get("/api/v1/health/integrations", reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> subs = new HashMap<>();
        r.jsonBody().get("subscriptions").forEach(s -> subs.put(s.get("id").asText(), s));
        JsonNode g = subs.get(ok);
        assertThat(g.get("pending").asLong()).isZero();
        assertThat(g.has("oldestPendingAgeSeconds")).isFalse();
        assertThat(g.has("lastSuccess")).isTrue();
        assertThat(g.has("failingSince")).isFalse();
        assertThat(g.get("lastHour").get("attempts").asLong()).isEqualTo(1);
        assertThat(g.get("lastHour").get("successRate").asDouble()).isEqualTo(1.0);
        JsonNode b = subs.get(failing);
        assertThat(b.get("pending").asLong()).isEqualTo(1);
        assertThat(b.get("oldestPendingAgeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(b.has("failingSince")).isTrue();
        assertThat(b.has("lastSuccess")).isFalse();
        assertThat(b.get("lastHour").get("successRate").asDouble()).isEqualTo(0.0);

        JsonNode sources = r.jsonBody().get("sources");
        assertThat(sources.get("scope").asText()).isEqualTo("this instance");
        Map<String, JsonNode> byName = new HashMap<>();
        sources.get("items").forEach(s -> byName.put(s.get("name").asText(), s));
        assertThat(byName.get("workday").get("requests").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(byName.get("workday").get("clientErrors").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(byName.get("workday").has("lastRequest")).isTrue();
        assertThat(byName.get("workday").has("lastPush")).isTrue();
        assertThat(byName.get("okta").get("requests").asLong()).isZero();
        assertThat(byName.get("okta").has("lastRequest")).isFalse();
        assertThat(server.get("/api/v1/health/integrations", hr).status()).isEqualTo(403);
    }

    @Test
    void metricsAreRouteTemplatedPrometheusTextBehindAnAdminToken() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        String sub = fx.subscribe(lms, "person.created");
        fx.hire(hr, "metrics.one", "W-MT1");
        fx.eventually(Duration.ofMillis(10), () -> !fx.deliveries(reader, sub, "delivered").isEmpty());
        assertThat(server.get("/api/v1/subscriptions/" + sub, reader).status()).isEqualTo(200);

        assertThat(server.get("/metrics", null).status()).isEqualTo(401);
        assertThat(server.get("/metrics", hr).status()).isEqualTo(403);
        HttpResult m = server.get("/metrics", reader);
        assertThat(m.status()).as(m.body()).isEqualTo(200);
        String text = m.body();
        assertThat(text).contains("rollcall_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/subscriptions/{id}\","
                + "status=\"200\"}");
        assertThat(text).contains("route=\"/scim/v2/Users\"");
        assertThat(text).doesNotContain(sub);
        assertThat(text).contains("rollcall_deliveries_total{outcome=\"delivered\"}");
        assertThat(text).contains("rollcall_delivery_lag_seconds_bucket");
        assertThat(text).contains("rollcall_delivery_attempt_seconds_count{outcome=\"delivered\"}");
        assertThat(text).contains("rollcall_outbox_depth ").contains("rollcall_timers_due ");
    }
}
