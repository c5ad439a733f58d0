package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secret rotation over HTTP on real MariaDB: during the overlap every delivery carries one signature
 * per valid secret and the Standard Webhooks library accepts it with the old and with the new secret;
 * afterwards only the new one signs and the expired secret is deleted at the next rotation. Bad
 * requests change nothing.
 */
class SecretRotationHttpTest {
    static final TestNetwork net = new TestNetwork();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .network(clock -> net.network())
            .build();
    @Token("workday") static String hr;
    @Token("it-writer") static String writer;
    @Token("it-reader") static String reader;

    private DeliveryFixture fixture;

    @AfterEach
    void cleanUp() {
        fixture.cleanUp();
    }

    @Test
    void bothSecretsSignDuringTheOverlapAndOnlyTheNewOneAfterIt() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "person.created");
        String oldSecret = fixture.secretOf(lms);

        Instant before = server.clock().instant().truncatedTo(ChronoUnit.MICROS);
        HttpResult rotated = server.post("/api/v1/subscriptions/" + sub + "/rotate-secret", writer, "{\"overlap\":\"PT2M\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.jsonBody().get("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(Instant.parse(rotated.jsonBody().get("previousSecretsValidUntil").asText()))
                .isBetween(before.plus(Duration.ofMinutes(2)), server.clock().instant().plus(Duration.ofMinutes(2)));
        assertThat(server.get("/api/v1/subscriptions/" + sub, reader).body()).doesNotContain(newSecret);

        fixture.hire(hr, "during.overlap", "W-1");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 1);
        WebhookReceiver.Received during = lms.received().get(0);
        assertThat(during.headers().get("webhook-signature").get(0).split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(during.verifiesWith(oldSecret)).isTrue();
        assertThat(during.verifiesWith(newSecret)).isTrue();

        server.clock().advance(Duration.ofMinutes(2).plusSeconds(1));
        fixture.hire(hr, "after.overlap", "W-2");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 2);
        WebhookReceiver.Received after = lms.received().get(1);
        assertThat(after.headers().get("webhook-signature").get(0).split(" ")).hasSize(1);
        assertThat(after.verifiesWith(newSecret)).isTrue();
        assertThat(after.verifiesWith(oldSecret)).isFalse();

        assertThat(secretRows(sub)).isEqualTo(2);
        Instant second = server.clock().instant().truncatedTo(ChronoUnit.MICROS);
        HttpResult again = server.post("/api/v1/subscriptions/" + sub + "/rotate-secret", writer, "");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(Instant.parse(again.jsonBody().get("previousSecretsValidUntil").asText()))
                .as("the default overlap, ROLLCALL_SECRET_OVERLAP")
                .isBetween(second.plus(Duration.ofHours(24)), server.clock().instant().plus(Duration.ofHours(24)));
        assertThat(secretRows(sub)).as("the expired secret is dropped, the one of the overlap kept").isEqualTo(2);
    }

    /** The dispatcher keeps opened secrets: one that has signed before the rotation must not hide the new one. */
    @Test
    void aDeliveryAfterARotationIsSignedWithBothSecretsWhenTheOldOneHasSignedBefore() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "person.created");
        String oldSecret = fixture.secretOf(lms);
        fixture.hire(hr, "before.rotation", "W-4");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 1);
        assertThat(lms.received().get(0).headers().get("webhook-signature").get(0).split(" ")).hasSize(1);
        assertThat(lms.received().get(0).verifiesWith(oldSecret)).isTrue();

        HttpResult rotated = server.post("/api/v1/subscriptions/" + sub + "/rotate-secret", writer, "{\"overlap\":\"PT2M\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String newSecret = rotated.jsonBody().get("secret").asText();
        fixture.hire(hr, "after.rotation", "W-5");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 2);
        WebhookReceiver.Received during = lms.received().get(1);
        assertThat(during.headers().get("webhook-signature").get(0).split(" ")).hasSize(2);
        assertThat(during.verifiesWith(newSecret)).isTrue();
        assertThat(during.verifiesWith(oldSecret)).isTrue();

        server.clock().advance(Duration.ofMinutes(2).plusSeconds(1));
        fixture.hire(hr, "after.overlap.cached", "W-6");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 3);
        WebhookReceiver.Received after = lms.received().get(2);
        assertThat(after.headers().get("webhook-signature").get(0).split(" ")).hasSize(1);
        assertThat(after.verifiesWith(newSecret)).isTrue();
        assertThat(after.verifiesWith(oldSecret)).isFalse();
    }

    @Test
    void badRotationRequestsAreRefusedAndChangeNothing() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "person.created");
        String path = "/api/v1/subscriptions/" + sub + "/rotate-secret";

        assertThat(server.post(path, writer, "{\"overlap\":\"P31D\"}").status()).isEqualTo(400);
        assertThat(server.post(path, writer, "{\"overlap\":\"-PT1H\"}").status()).isEqualTo(400);
        HttpResult bogus = server.post(path, writer, "{\"overlap\":\"one day\"}");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.jsonBody().get("detail").asText()).contains("ISO-8601");
        assertThat(server.post(path, writer, "{\"overlap\":\"PT1H\",\"secret\":\"whsec_x\"}").status()).isEqualTo(400);
        assertThat(server.post(path, reader, "").status()).isEqualTo(403);
        assertThat(server.post("/api/v1/subscriptions/nope/rotate-secret", writer, "").status()).isEqualTo(404);
        assertThat(secretRows(sub)).isEqualTo(1);

        fixture.hire(hr, "unrotated", "W-3");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 1);
        WebhookReceiver.Received r = lms.received().get(0);
        assertThat(r.headers().get("webhook-signature").get(0).split(" ")).hasSize(1);
        assertThat(r.verified()).as(r.verifyError()).isTrue();
    }

    private int secretRows(String subscriptionId) {
        return server.services().database().dsl().fetchCount(DSL.table(DSL.name("subscription_secret")),
                DSL.field(DSL.name("subscription_pk")).eq(DSL.select(DSL.field(DSL.name("pk"))).from(DSL.table(DSL.name("subscription")))
                        .where(DSL.field(DSL.name("id")).eq(subscriptionId))));
    }
}
