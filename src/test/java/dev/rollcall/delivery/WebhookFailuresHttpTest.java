package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failures over HTTP on real MariaDB, on a short retry schedule (five retries of 0.1 s to 0.5 s):
 * a receiver down then up gets everything in per-person order; 429 with Retry-After is honoured;
 * 410 disables; dead after the schedule, then replay with the same id; SSRF refusals never connect.
 */
class WebhookFailuresHttpTest {
    static final TestNetwork net = new TestNetwork();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .env("ROLLCALL_WEBHOOK_RETRY_SCHEDULE", "PT0.1S,PT0.1S,PT0.2S,PT0.3S,PT0.5S")
            .network(clock -> net.network())
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

    private DeliveryFixture fixture() {
        fx = new DeliveryFixture(server, writer);
        return fx;
    }

    @Test
    void aReceiverDownThenUpGetsEverythingInPerPersonOrder() {
        DeliveryFixture f = fixture();
        WebhookReceiver lms = f.receiver();
        lms.reply(WebhookReceiver.Reply.of(500));
        String sub = f.subscribe(lms, "person.*", "account.*");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(f.hire(hr, "order" + i, "W-O" + i));
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < users.size(); i++) {
                f.rename(hr, users.get(i), "title-" + round);
            }
        }
        f.eventually(Duration.ofMillis(20), () -> lms.received().size() >= 6);
        assertThat(f.deliveries(reader, sub, "delivered")).isEmpty();
        lms.reply(WebhookReceiver.Reply.of(204));
        f.eventually(Duration.ofMillis(50), () -> f.deliveries(reader, sub, null).stream()
                .allMatch(d -> d.get("status").asText().equals("delivered")));

        int owed = f.deliveries(reader, sub, null).size();
        assertThat(owed).isGreaterThanOrEqualTo(9);
        Map<String, List<Long>> perPerson = new LinkedHashMap<>();
        List<String> deliveredIds = new ArrayList<>();
        for (WebhookReceiver.Received r : lms.received()) {
            assertThat(r.verified()).as(r.verifyError()).isTrue();
            List<Long> seqs = perPerson.computeIfAbsent(r.body().get("personId").asText(), k -> new ArrayList<>());
            long seq = r.body().get("sequence").asLong();
            // a retry repeats the last sequence; a later one never comes before an earlier one is accepted
            if (seqs.isEmpty() || seqs.get(seqs.size() - 1) != seq) {
                assertThat(seqs.isEmpty() || seqs.get(seqs.size() - 1) < seq).as("order of " + seqs + " then " + seq).isTrue();
                seqs.add(seq);
            }
            if (r.answered() == 204) {
                deliveredIds.add(r.id());
            }
        }
        assertThat(perPerson).hasSize(3);
        assertThat(deliveredIds).hasSize(owed).doesNotHaveDuplicates();
    }

    @Test
    void retryAfterOn429IsHonoured() {
        DeliveryFixture f = fixture();
        WebhookReceiver lms = f.receiver();
        lms.reply(new WebhookReceiver.Reply(429, Map.of("Retry-After", "3")));
        String sub = f.subscribe(lms, "person.created");
        f.hire(hr, "busy.user", "W-R1");
        f.eventually(Duration.ofMillis(1), () -> !f.deliveries(reader, sub, "failed").isEmpty());
        JsonNode d = detail(f.deliveries(reader, sub, "failed").get(0).get("id").asText());
        Instant tried = Instant.parse(d.get("attemptLog").get(0).get("at").asText());
        assertThat(Instant.parse(d.get("nextAttemptAt").asText())).isEqualTo(tried.plusSeconds(3));
        assertThat(d.get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(429);

        lms.reply(WebhookReceiver.Reply.of(200));
        server.clock().advance(Duration.ofSeconds(2));
        sleep(500);
        assertThat(lms.received()).hasSize(1);
        f.eventually(Duration.ofMillis(100), () -> f.deliveries(reader, sub, "delivered").size() == 1);
        assertThat(lms.received()).hasSize(2);
        assertThat(lms.received().get(1).id()).isEqualTo(lms.received().get(0).id());
    }

    @Test
    void goneDisablesTheSubscription() {
        DeliveryFixture f = fixture();
        WebhookReceiver lms = f.receiver();
        lms.reply(WebhookReceiver.Reply.of(410));
        String sub = f.subscribe(lms, "person.created");
        f.hire(hr, "gone.user", "W-G1");
        f.eventually(Duration.ofMillis(20), () -> !f.deliveries(reader, sub, "dead").isEmpty());
        JsonNode s = server.get("/api/v1/subscriptions/" + sub, reader).jsonBody();
        assertThat(s.get("enabled").asBoolean()).isFalse();
        assertThat(s.get("disabledReason").asText()).contains("410");
        f.hire(hr, "gone.later", "W-G2");
        assertThat(f.deliveries(reader, sub, null)).hasSize(1);
        assertThat(lms.received()).hasSize(1);
    }

    @Test
    void deadAfterTheScheduleThenReplayDeliversWithTheSameId() {
        DeliveryFixture f = fixture();
        WebhookReceiver lms = f.receiver();
        lms.reply(WebhookReceiver.Reply.of(503));
        String sub = f.subscribe(lms, "person.created");
        f.hire(hr, "dead.user", "W-D1");
        f.eventually(Duration.ofMillis(100), () -> !f.deliveries(reader, sub, "dead").isEmpty());
        String id = f.deliveries(reader, sub, "dead").get(0).get("id").asText();
        JsonNode d = detail(id);
        assertThat(d.get("attempts").asInt()).isEqualTo(6);
        assertThat(d.get("attemptLog")).hasSize(6);
        assertThat(lms.received()).hasSize(6);
        assertThat(server.post("/api/v1/deliveries/" + id + "/replay", reader, "").status()).isEqualTo(403);

        lms.reply(WebhookReceiver.Reply.of(200));
        HttpResult replay = server.post("/api/v1/deliveries/" + id + "/replay", writer, "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        f.eventually(Duration.ofMillis(20), () -> detail(id).get("status").asText().equals("delivered"));
        assertThat(lms.received()).hasSize(7);
        assertThat(lms.received().get(6).id()).isEqualTo(lms.received().get(0).id());
        assertThat(lms.received().get(6).verified()).isTrue();
        assertThat(detail(id).get("attempts").asInt()).as("the history is kept").isEqualTo(7);
        assertThat(detail(id).get("replays").asInt()).isEqualTo(1);
        assertThat(server.post("/api/v1/deliveries/nope/replay", writer, "").status()).isEqualTo(404);
    }

    @Test
    void successRetryAndGoneSentTogetherAreEachRecordedAsTheirOwn() {
        DeliveryFixture f = fixture();
        WebhookReceiver ok = f.receiver();
        WebhookReceiver busy = f.receiver();
        WebhookReceiver gone = f.receiver();
        ok.reply(WebhookReceiver.Reply.of(204));
        busy.reply(WebhookReceiver.Reply.of(500));
        gone.reply(WebhookReceiver.Reply.of(410));
        String okSub = f.subscribe(ok, "person.created");
        String busySub = f.subscribe(busy, "person.created");
        String goneSub = f.subscribe(gone, "person.created");
        // one change: its three deliveries are claimed, sent and recorded together
        f.hire(hr, "mixed.user", "W-X1");
        f.eventually(Duration.ofMillis(50), () -> f.deliveries(reader, okSub, "delivered").size() == 1
                && f.deliveries(reader, busySub, "dead").size() == 1 && f.deliveries(reader, goneSub, "dead").size() == 1);

        JsonNode delivered = detail(f.deliveries(reader, okSub, "delivered").get(0).get("id").asText());
        assertThat(delivered.get("attemptLog")).singleElement().satisfies(a -> assertThat(a.get("statusCode").asInt()).isEqualTo(204));
        JsonNode retried = detail(f.deliveries(reader, busySub, "dead").get(0).get("id").asText());
        assertThat(retried.get("attemptLog")).hasSize(6).allSatisfy(a -> assertThat(a.get("statusCode").asInt()).isEqualTo(500));
        JsonNode refused = detail(f.deliveries(reader, goneSub, "dead").get(0).get("id").asText());
        assertThat(refused.get("attemptLog")).singleElement().satisfies(a -> assertThat(a.get("statusCode").asInt()).isEqualTo(410));
        assertThat(server.get("/api/v1/subscriptions/" + goneSub, reader).jsonBody().get("enabled").asBoolean()).isFalse();
        assertThat(server.get("/api/v1/subscriptions/" + okSub, reader).jsonBody().get("enabled").asBoolean()).isTrue();
        assertThat(ok.received()).hasSize(1).allMatch(WebhookReceiver.Received::verified);
        assertThat(busy.received()).hasSize(6);
        assertThat(gone.received()).hasSize(1);
    }

    @Test
    void privateTargetsAreRefusedWithoutConnecting() {
        DeliveryFixture f = fixture();
        WebhookReceiver lms = f.receiver();
        String loop2 = f.subscribeAt(lms, "http://127.0.0.2:" + lms.port() + "/hook", "person.created");
        String named = f.subscribeAt(lms, "http://" + TestNetwork.PRIVATE_HOST + ":" + lms.port() + "/hook", "person.created");
        f.hire(hr, "ssrf.user", "W-S1");
        f.eventually(Duration.ofMillis(100), () -> !f.deliveries(reader, loop2, "dead").isEmpty()
                && !f.deliveries(reader, named, "dead").isEmpty());
        JsonNode a = detail(f.deliveries(reader, loop2, "dead").get(0).get("id").asText());
        JsonNode b = detail(f.deliveries(reader, named, "dead").get(0).get("id").asText());
        assertThat(a.get("attemptLog").get(0).get("error").asText()).contains("refused").contains("127.0.0.2");
        assertThat(b.get("attemptLog").get(0).get("error").asText()).contains("refused").contains(TestNetwork.PRIVATE_ADDRESS);
        assertThat(b.get("attemptLog").get(0).has("statusCode")).isFalse();
        assertThat(net.resolved).contains("127.0.0.2", TestNetwork.PRIVATE_HOST);
        assertThat(net.connected).doesNotContain("127.0.0.2", TestNetwork.PRIVATE_ADDRESS).allMatch(c -> c.equals("127.0.0.1"));
        assertThat(lms.received()).isEmpty();
    }

    private JsonNode detail(String deliveryId) {
        HttpResult r = server.get("/api/v1/deliveries/" + deliveryId, reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
