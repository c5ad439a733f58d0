package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/v1/subscriptions/{id}/test: one signed subscription.test, sent now, its outcome in the answer. */
class SubscriptionTestHttpTest {
    static final TestNetwork net = new TestNetwork();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .network(clock -> net.network())
            .build();
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
    void aTestIsSignedSentOnceAndAnsweredWithItsOutcome() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        String sub = fx.subscribe(lms, "person.created");
        HttpResult r = server.post("/api/v1/subscriptions/" + sub + "/test", writer, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode out = r.jsonBody();
        assertThat(out.get("accepted").asBoolean()).isTrue();
        assertThat(out.get("statusCode").asInt()).isEqualTo(200);
        assertThat(out.get("answer").asText()).isEqualTo("answer 200");
        assertThat(lms.received()).hasSize(1);
        WebhookReceiver.Received got = lms.received().get(0);
        assertThat(got.verified()).as(got.verifyError()).isTrue();
        assertThat(got.id()).isEqualTo(out.get("id").asText()).matches("^[0-9A-HJKMNP-TV-Z]{26}$");
        assertThat(got.body().get("type").asText()).isEqualTo("subscription.test");
        assertThat(got.body().get("data").get("subscriptionId").asText()).isEqualTo(sub);
        assertThat(got.body().has("personId")).isFalse();
        // a message, not a delivery: nothing owed, nothing retried
        assertThat(fx.deliveries(reader, sub, null)).isEmpty();
    }

    @Test
    void aFailingReceiverIsReportedAndNotRetried() throws Exception {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        lms.reply(WebhookReceiver.Reply.of(500));
        String sub = fx.subscribe(lms, "person.created");
        server.post("/api/v1/subscriptions/" + sub + "/disable", writer, "");
        JsonNode out = server.post("/api/v1/subscriptions/" + sub + "/test", writer, "").jsonBody();
        assertThat(out.get("accepted").asBoolean()).isFalse();
        assertThat(out.get("statusCode").asInt()).isEqualTo(500);
        assertThat(out.get("error").asText()).isEqualTo("HTTP 500");
        Thread.sleep(500);
        assertThat(lms.received()).hasSize(1);
    }

    @Test
    void aPrivateTargetIsRefusedWithoutConnecting() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        String sub = fx.subscribeAt(lms, "http://" + TestNetwork.PRIVATE_HOST + ":" + lms.port() + "/hook", "person.created");
        JsonNode out = server.post("/api/v1/subscriptions/" + sub + "/test", writer, "").jsonBody();
        assertThat(out.get("accepted").asBoolean()).isFalse();
        assertThat(out.has("statusCode")).isFalse();
        assertThat(out.get("error").asText()).contains("refused").contains(TestNetwork.PRIVATE_ADDRESS);
        assertThat(net.connected).doesNotContain(TestNetwork.PRIVATE_ADDRESS);
    }

    @Test
    void onlyWritersTestAndOnlyKnownSubscriptions() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        String sub = fx.subscribe(lms, "person.created");
        assertThat(server.post("/api/v1/subscriptions/" + sub + "/test", reader, "").status()).isEqualTo(403);
        assertThat(server.post("/api/v1/subscriptions/nope/test", writer, "").status()).isEqualTo(404);
        assertThat(lms.received()).isEmpty();
    }
}
