package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ROLLCALL_DELIVERY_RETENTION end to end: once a delivered delivery is older than the retention, the
 * sweep deletes it (the admin API no longer finds it, the metric counts it), while a delivery still
 * being retried and the person's timeline stay.
 */
class DeliveryRetentionHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .env("ROLLCALL_DELIVERY_RETENTION", "P2D")
            .env("ROLLCALL_WEBHOOK_RETRY_SCHEDULE", "P30D")
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
    void aDeliveryOlderThanTheRetentionIsDeletedAndAnOpenOneAndTheTimelineStay() {
        fx = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fx.receiver();
        WebhookReceiver down = fx.receiver();
        down.reply(WebhookReceiver.Reply.of(503));
        String ok = fx.subscribe(lms, "person.created");
        String failing = fx.subscribe(down, "person.created");
        fx.hire(hr, "retention.one", "W-RET1");
        fx.eventually(Duration.ofMillis(10), () -> !fx.deliveries(reader, ok, "delivered").isEmpty()
                && !fx.deliveries(reader, failing, "failed").isEmpty());
        String delivered = fx.deliveries(reader, ok, "delivered").get(0).get("id").asText();
        String retrying = fx.deliveries(reader, failing, "failed").get(0).get("id").asText();
        String person = fx.deliveries(reader, ok, "delivered").get(0).get("personId").asText();

        server.clock().advance(Duration.ofDays(1));
        server.services().deliveryRetention().runOnce();
        assertThat(server.get("/api/v1/deliveries/" + delivered, reader).status()).as("inside the retention").isEqualTo(200);

        server.clock().advance(Duration.ofDays(1).plusMinutes(1));
        server.services().deliveryRetention().runOnce();

        HttpResult gone = server.get("/api/v1/deliveries/" + delivered, reader);
        assertThat(gone.status()).as(gone.body()).isEqualTo(404);
        assertThat(fx.deliveries(reader, ok, null)).isEmpty();
        assertThat(server.get("/api/v1/deliveries/" + retrying, reader).status()).as("still owed").isEqualTo(200);
        HttpResult timeline = server.get("/api/v1/people/" + person + "/timeline", reader);
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        timeline.jsonBody().get("entries").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).contains("person.created");
        HttpResult metrics = server.get("/metrics", reader);
        assertThat(metrics.body()).contains("rollcall_deliveries_purged_total 1.0");
    }
}
