package dev.rollcall.delivery;

import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A subscription's own timeout and maximum of attempts; disabling after failing continuously for
 * ROLLCALL_WEBHOOK_DISABLE_AFTER (a success resets it); a delivery Rollcall cannot process is recorded,
 * backs off and ends dead instead of looping on its lease; a replay keeps the attempt history.
 */
class SubscriptionLimitsHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .env("ROLLCALL_WEBHOOK_RETRY_SCHEDULE", "PT0.1S,PT0.1S,PT0.2S")
            .env("ROLLCALL_WEBHOOK_DISABLE_AFTER", "PT1M")
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
    void limitsAreShownWithTheDefaultsAndValidated() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        String sub = fx.subscribe(lms, "person.created");
        JsonNode s = subscription(sub);
        assertThat(s.get("timeout").asText()).isEqualTo("PT10S");
        assertThat(s.get("maxAttempts").asInt()).isEqualTo(4);
        assertThat(s.has("failingSince")).isFalse();

        HttpResult set = server.patch("/api/v1/subscriptions/" + sub, writer, "{\"timeout\":\"PT2S\",\"maxAttempts\":9}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.jsonBody().get("timeout").asText()).isEqualTo("PT2S");
        assertThat(set.jsonBody().get("maxAttempts").asInt()).isEqualTo(9);
        HttpResult back = server.patch("/api/v1/subscriptions/" + sub, writer, "{\"maxAttempts\":null}");
        assertThat(back.jsonBody().get("maxAttempts").asInt()).isEqualTo(4);
        assertThat(back.jsonBody().get("timeout").asText()).isEqualTo("PT2S");

        for (String bad : new String[] {"{\"timeout\":\"PT0.5S\"}", "{\"timeout\":\"PT2M\"}", "{\"timeout\":\"5s\"}",
                "{\"timeout\":5}", "{\"maxAttempts\":0}", "{\"maxAttempts\":51}", "{\"maxAttempts\":2.5}"}) {
            HttpResult r = server.patch("/api/v1/subscriptions/" + sub, writer, bad);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
            assertThat(r.jsonBody().get("detail").asText()).containsAnyOf("'timeout'", "'maxAttempts'");
        }
        assertThat(subscription(sub).get("timeout").asText()).isEqualTo("PT2S");
        int before = server.get("/api/v1/subscriptions", reader).jsonBody().get("items").size();
        HttpResult refused = server.post("/api/v1/subscriptions", writer, "{\"name\":\"x\",\"url\":\"" + lms.url()
                + "\",\"eventTypes\":[\"*\"],\"maxAttempts\":-1}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(server.get("/api/v1/subscriptions", reader).jsonBody().get("items")).hasSize(before);
    }

    @Test
    void aSubscriptionsMaximumOfAttemptsEndsTheDeliveryAndAReplayKeepsTheHistory() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        lms.reply(WebhookReceiver.Reply.of(500));
        String sub = fx.subscribe(lms, "person.created");
        server.patch("/api/v1/subscriptions/" + sub, writer, "{\"maxAttempts\":2}");
        fx.hire(hr, "two.tries", "W-T2");
        fx.eventually(Duration.ofMillis(100), () -> !fx.deliveries(reader, sub, "dead").isEmpty());
        String id = fx.deliveries(reader, sub, "dead").get(0).get("id").asText();
        assertThat(delivery(id).get("attempts").asInt()).isEqualTo(2);
        assertThat(lms.received()).hasSize(2);

        // the replay gets a whole round of its own on top of the history
        assertThat(server.post("/api/v1/deliveries/" + id + "/replay", writer, "").status()).isEqualTo(200);
        fx.eventually(Duration.ofMillis(100), () -> delivery(id).get("status").asText().equals("dead"));
        JsonNode d = delivery(id);
        assertThat(d.get("attempts").asInt()).isEqualTo(4);
        assertThat(d.get("replays").asInt()).isEqualTo(1);
        assertThat(d.get("attemptLog")).hasSize(4);
        assertThat(lms.received()).hasSize(4);
    }

    @Test
    void aSlowReceiverRunsIntoTheSubscriptionsTimeout() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        lms.delay(Duration.ofSeconds(3));
        String sub = fx.subscribe(lms, "person.created");
        server.patch("/api/v1/subscriptions/" + sub, writer, "{\"timeout\":\"PT1S\",\"maxAttempts\":1}");
        fx.hire(hr, "slow.lms", "W-SL");
        fx.eventually(Duration.ofMillis(10), () -> !fx.deliveries(reader, sub, "dead").isEmpty());
        JsonNode d = delivery(fx.deliveries(reader, sub, "dead").get(0).get("id").asText());
        assertThat(d.get("attemptLog").get(0).get("error").asText()).contains("timed out");
    }

    @Test
    void aSubscriptionFailingLongerThanTheLimitIsDisabledWithItsReason() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        lms.reply(WebhookReceiver.Reply.of(503));
        String sub = fx.subscribe(lms, "person.created");
        server.patch("/api/v1/subscriptions/" + sub, writer, "{\"maxAttempts\":50}");
        fx.hire(hr, "failing.long", "W-F1");
        fx.eventually(Duration.ofMillis(100), () -> subscription(sub).has("failingSince"));
        assertThat(subscription(sub).get("enabled").asBoolean()).isTrue();
        // each round moves the clock by 2 s: past one minute of failures, the next failure disables it
        fx.eventually(Duration.ofSeconds(2), () -> !subscription(sub).get("enabled").asBoolean());
        JsonNode s = subscription(sub);
        assertThat(s.get("disabledReason").asText()).contains("ROLLCALL_WEBHOOK_DISABLE_AFTER").contains("PT1M");
        assertThat(server.services().database().dsl().select(AUDIT.ACTOR).from(AUDIT).where(AUDIT.TARGET_ID.eq(sub))
                .and(AUDIT.ACTION.eq("subscription.disable")).fetch(AUDIT.ACTOR)).containsExactly("delivery:dispatcher");

        // enabled again, it starts a fresh failing period; a success ends it
        lms.reply(WebhookReceiver.Reply.of(200));
        assertThat(server.post("/api/v1/subscriptions/" + sub + "/enable", writer, "").status()).isEqualTo(200);
        assertThat(subscription(sub).has("failingSince")).isFalse();
        fx.eventually(Duration.ofSeconds(1), () -> !fx.deliveries(reader, sub, "delivered").isEmpty());
        assertThat(subscription(sub).has("failingSince")).isFalse();
        assertThat(subscription(sub).get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aSuccessEndsTheFailingPeriod() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        lms.reply(WebhookReceiver.Reply.of(500));
        String sub = fx.subscribe(lms, "person.created");
        fx.hire(hr, "flaky.one", "W-FL");
        fx.eventually(Duration.ofMillis(20), () -> subscription(sub).has("failingSince"));
        lms.reply(WebhookReceiver.Reply.of(200));
        fx.eventually(Duration.ofMillis(50), () -> !fx.deliveries(reader, sub, "delivered").isEmpty());
        assertThat(subscription(sub).has("failingSince")).isFalse();
    }

    @Test
    void aDeliveryRollcallCannotProcessIsRecordedBacksOffAndEndsDead() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        String sub = fx.subscribe(lms, "person.created");
        server.patch("/api/v1/subscriptions/" + sub, writer, "{\"maxAttempts\":3}");
        // a sealed secret that no longer opens: processing fails before anything is sent
        server.services().database().dsl().update(SUBSCRIPTION_SECRET).set(SUBSCRIPTION_SECRET.CIPHERTEXT, new byte[32])
                .where(SUBSCRIPTION_SECRET.SUBSCRIPTION_PK.eq(server.services().database().dsl().select(SUBSCRIPTION.PK)
                        .from(SUBSCRIPTION).where(SUBSCRIPTION.ID.eq(sub)))).execute();
        fx.hire(hr, "broken.secret", "W-BS");
        fx.eventually(Duration.ofMillis(100), () -> !fx.deliveries(reader, sub, "dead").isEmpty());
        JsonNode d = delivery(fx.deliveries(reader, sub, "dead").get(0).get("id").asText());
        assertThat(d.get("attempts").asInt()).isEqualTo(3);
        assertThat(d.get("attemptLog")).hasSize(3).allSatisfy(a -> {
            assertThat(a.get("error").asText()).contains("could not process").doesNotContain("AEADBadTag");
            assertThat(a.has("statusCode")).isFalse();
        });
        assertThat(lms.received()).isEmpty();
        // Rollcall's own failure does not count against the receiver
        assertThat(subscription(sub).has("failingSince")).isFalse();
    }

    private JsonNode subscription(String id) {
        HttpResult r = server.get("/api/v1/subscriptions/" + id, reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    private JsonNode delivery(String id) {
        HttpResult r = server.get("/api/v1/deliveries/" + id, reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }
}
