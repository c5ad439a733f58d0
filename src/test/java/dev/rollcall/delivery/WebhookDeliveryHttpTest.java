package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The registry and the happy path over HTTP on real MariaDB: a SCIM push reaches a subscribed receiver
 * on 127.0.0.1 signed (checked with the Standard Webhooks library), in the documented envelope; a
 * provisional person's events never leave; exact and wildcard type filters; bad input changes nothing.
 */
class WebhookDeliveryHttpTest {
    static final TestNetwork net = new TestNetwork();
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS).source("okta", SourceKind.IDP)
            .adminToken("it-writer", AdminScope.WRITE).adminToken("it-reader", AdminScope.READ)
            .network(clock -> net.network())
            .build();
    @Token("workday") static String hr;
    @Token("okta") static String idp;
    @Token("it-writer") static String writer;
    @Token("it-reader") static String reader;

    private DeliveryFixture fx() {
        return new DeliveryFixture(server, writer);
    }

    private DeliveryFixture fixture;

    @AfterEach
    void cleanUp() {
        if (fixture != null) {
            fixture.cleanUp();
        }
    }

    @Test
    void aScimCreateReachesTheSubscriberSignedInTheDocumentedEnvelope() {
        fixture = fx();
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "person.*");
        fixture.hire(hr, "jane.doe", "W-1");
        fixture.eventually(Duration.ofMillis(50), () -> !lms.received().isEmpty());

        WebhookReceiver.Received r = lms.received().get(0);
        assertThat(r.verified()).as(r.verifyError()).isTrue();
        JsonNode body = r.body();
        assertThat(body.get("type").asText()).isEqualTo("person.created");
        assertThat(body.get("id").asText()).matches("[0-9A-HJKMNP-TV-Z]{26}").isEqualTo(r.id());
        assertThat(body.get("timestamp").asText()).endsWith("Z");
        assertThat(body.get("sequence").asLong()).isPositive();
        assertThat(body.get("data").get("personId").asText()).isEqualTo(body.get("personId").asText());
        assertThat(body.get("data").get("golden").isObject()).isTrue();
        assertThat(r.host()).isEqualTo("127.0.0.1:" + lms.port());

        fixture.eventually(Duration.ofMillis(50), () -> fixture.deliveries(reader, sub, "delivered").size() == 1);
        JsonNode listed = fixture.deliveries(reader, sub, null).get(0);
        HttpResult one = server.get("/api/v1/deliveries/" + listed.get("id").asText(), reader);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.jsonBody().get("eventId").asText()).isEqualTo(r.id());
        assertThat(one.jsonBody().get("attemptLog").get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(one.jsonBody().get("attemptLog").get(0).get("answer").asText()).isEqualTo("answer 200");
    }

    @Test
    void theSecretIsShownOnceAndNeverAgain() {
        fixture = fx();
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "person.created");
        HttpResult shown = server.get("/api/v1/subscriptions/" + sub, reader);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).doesNotContain("whsec_").doesNotContain("secret");
        assertThat(server.get("/api/v1/subscriptions", reader).body()).doesNotContain("whsec_");
        assertThat(server.services().database().dsl().fetch("select ciphertext from subscription_secret").toString())
                .doesNotContain("whsec_");
        assertThat(server.services().database().dsl().fetch("select * from audit").formatCSV()).doesNotContain("whsec_");
    }

    @Test
    void aProvisionalPersonsEventsAreNotDelivered() {
        fixture = fx();
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "*");
        fixture.hire(idp, "parked.user", null);
        fixture.hire(hr, "announced.user", "W-2");
        fixture.eventually(Duration.ofMillis(50), () -> lms.types().contains("person.created"));
        fixture.eventually(Duration.ofMillis(50), () -> fixture.deliveries(reader, sub, "pending").isEmpty());
        assertThat(lms.received()).allSatisfy(r -> assertThat(r.body().toString()).doesNotContain("parked.user"));
        assertThat(lms.received()).extracting(r -> r.body().path("data").path("golden").path("userName").asText(""))
                .doesNotContain("parked.user");
    }

    @Test
    void aSubscriptionCreatedLaterReceivesEventsFromItsCreationOn() {
        fixture = fx();
        String user = fixture.hire(hr, "early.user", "W-E1");
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "*");
        fixture.rename(hr, user, "Engineer");
        fixture.eventually(Duration.ofMillis(50), () -> !lms.received().isEmpty()
                && fixture.deliveries(reader, sub, "pending").isEmpty());
        assertThat(lms.types()).doesNotContain("person.created", "account.created").contains("account.updated");
        assertThat(lms.received()).allMatch(WebhookReceiver.Received::verified);
    }

    @Test
    void exactAndWildcardFiltersPickTheirTypes() {
        fixture = fx();
        WebhookReceiver persons = fixture.receiver();
        WebhookReceiver accounts = fixture.receiver();
        String subPersons = fixture.subscribe(persons, "person.*");
        String subAccounts = fixture.subscribe(accounts, "account.created");
        fixture.hire(hr, "filter.user", "W-3");
        fixture.eventually(Duration.ofMillis(50), () -> fixture.deliveries(reader, subPersons, "delivered").size() >= 1
                && fixture.deliveries(reader, subAccounts, "delivered").size() >= 1);
        assertThat(persons.types()).isNotEmpty().allMatch(t -> t.startsWith("person."));
        assertThat(accounts.types()).containsOnly("account.created");
        assertThat(persons.received()).allMatch(WebhookReceiver.Received::verified);
        assertThat(accounts.received()).allMatch(WebhookReceiver.Received::verified);
    }

    @Test
    void registryChangesAreAuditedAndBadInputChangesNothing() {
        fixture = fx();
        WebhookReceiver lms = fixture.receiver();
        for (String bad : List.of("{\"name\":\"x\",\"url\":\"ftp://a/b\",\"eventTypes\":[\"person.*\"]}",
                "{\"name\":\"x\",\"url\":\"http://127.0.0.1/\",\"eventTypes\":[\"person.hired\"]}",
                "{\"name\":\"x\",\"url\":\"http://127.0.0.1/\",\"eventTypes\":[]}",
                "{\"name\":\"x\",\"url\":\"http://127.0.0.1/\",\"eventTypes\":\"person.*\"}",
                "{\"name\":\"\",\"url\":\"http://127.0.0.1/\",\"eventTypes\":[\"person.*\"]}",
                "{\"name\":\"x\",\"url\":\"http://u:p@127.0.0.1/\",\"eventTypes\":[\"person.*\"]}",
                "{\"name\":\"x\",\"url\":\"http://127.0.0.1/\",\"eventTypes\":[\"person.*\"],\"format\":\"jwt\"}",
                "{\"name\":\"x\",\"url\":\"http://127.0.0.1/\",\"eventTypes\":[\"person.*\"],\"secret\":\"mine\"}")) {
            HttpResult r = server.post("/api/v1/subscriptions", writer, bad);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(server.get("/api/v1/subscriptions", reader).jsonBody().get("items")).isEmpty();
        assertThat(server.post("/api/v1/subscriptions", reader,
                "{\"name\":\"x\",\"url\":\"http://127.0.0.1/\",\"eventTypes\":[\"person.*\"]}").status()).isEqualTo(403);

        String sub = fixture.subscribe(lms, "person.*");
        HttpResult changed = server.patch("/api/v1/subscriptions/" + sub, writer,
                "{\"name\":\"renamed\",\"eventTypes\":[\"group.*\",\"person.created\"],\"enabled\":false}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.jsonBody().get("name").asText()).isEqualTo("renamed");
        assertThat(changed.jsonBody().get("enabled").asBoolean()).isFalse();
        assertThat(server.patch("/api/v1/subscriptions/" + sub, writer, "{\"url\":\"nope\"}").status()).isEqualTo(400);
        assertThat(server.get("/api/v1/subscriptions/" + sub, reader).jsonBody().get("url").asText()).isEqualTo(lms.url());
        assertThat(server.post("/api/v1/subscriptions/" + sub + "/enable", writer, "").jsonBody().get("enabled")
                .asBoolean()).isTrue();
        assertThat(server.post("/api/v1/subscriptions/" + sub + "/disable", writer, "").jsonBody().get("enabled")
                .asBoolean()).isFalse();
        assertThat(server.get("/api/v1/subscriptions/nope", reader).status()).isEqualTo(404);
        assertThat(server.get("/api/v1/subscriptions/" + sub + "/deliveries?status=lost", reader).status()).isEqualTo(400);
        assertThat(server.services().database().dsl()
                .fetch("select action from audit where target_type = 'subscription' order by seq").getValues(0, String.class))
                .containsExactly("subscription.create", "subscription.update", "subscription.update", "subscription.update");
        assertThat(server.delete("/api/v1/subscriptions/" + sub, writer).status()).isEqualTo(204);
        assertThat(server.get("/api/v1/subscriptions/" + sub, reader).status()).isEqualTo(404);
    }
}
