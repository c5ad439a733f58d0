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
 * Payload enrichment over HTTP on real MariaDB: a person event carries the person's id, sequence,
 * lifecycle state, personas and golden attributes as they were when its change committed (a retry
 * after a later change resends the very same body); a group event carries the flattened membership.
 */
class EnrichedPayloadHttpTest {
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
    void aPersonEventCarriesThePersonAsItWasWhenTheChangeCommitted() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        fixture.subscribe(lms, "person.*");
        String user = fixture.hire(hr, "ada.lovelace", "W-10");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 1);

        JsonNode body = lms.received().get(0).body();
        JsonNode person = body.get("person");
        assertThat(person.get("id").asText()).isEqualTo(body.get("personId").asText());
        assertThat(person.get("sequence").asLong()).isEqualTo(body.get("sequence").asLong());
        assertThat(person.get("state").asText()).isEqualTo("active");
        assertThat(person.get("personas")).hasSize(1);
        JsonNode persona = person.get("personas").get(0);
        assertThat(persona.get("kind").asText()).isEqualTo("employee");
        assertThat(persona.get("accountId").asText()).isEqualTo(user);
        assertThat(persona.get("source").asText()).isEqualTo("workday");
        assertThat(persona.get("active").asBoolean()).isTrue();
        assertThat(person.get("attributes").get("name.givenName").asText()).isEqualTo("ada.lovelace");
        assertThat(person.get("attributes")).isEqualTo(body.get("data").get("golden"));
    }

    @Test
    void aRetryAfterALaterChangeResendsTheSnapshotOfItsOwnCommit() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        String sub = fixture.subscribe(lms, "person.created", "person.updated");
        lms.reply(WebhookReceiver.Reply.of(500));
        String user = fixture.hire(hr, "grace.hopper", "W-11");
        fixture.rename(hr, user, "Rear Admiral");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 1);

        lms.reply(WebhookReceiver.Reply.of(200));
        fixture.eventually(Duration.ofSeconds(2), () -> fixture.deliveries(reader, sub, "delivered").size() == 2);
        List<WebhookReceiver.Received> got = lms.received();
        WebhookReceiver.Received first = got.get(0);
        WebhookReceiver.Received retry = got.stream().filter(r -> r.id().equals(first.id()) && r.answered() == 200)
                .findFirst().orElseThrow();
        assertThat(retry.raw()).as("a retry resends identical bytes").isEqualTo(first.raw());
        assertThat(retry.body().get("person").get("attributes").has("title")).as("created before the title").isFalse();
        JsonNode updated = got.stream().filter(r -> r.body().get("type").asText().equals("person.updated"))
                .findFirst().orElseThrow().body();
        assertThat(updated.get("person").get("attributes").get("title").asText()).isEqualTo("Rear Admiral");
        assertThat(updated.get("person").get("sequence").asLong())
                .isGreaterThan(retry.body().get("person").get("sequence").asLong());
    }

    @Test
    void aGroupEventCarriesTheFlattenedMembership() {
        fixture = new DeliveryFixture(server, writer);
        WebhookReceiver lms = fixture.receiver();
        fixture.subscribe(lms, "group.*");
        String alan = fixture.hire(hr, "alan.turing", "W-12");
        String joan = fixture.hire(hr, "joan.clarke", "W-13");
        String inner = group("Codebreakers", "{\"value\":\"" + alan + "\",\"type\":\"User\"}");
        group("Bletchley", "{\"value\":\"" + joan + "\",\"type\":\"User\"},{\"value\":\"" + inner + "\",\"type\":\"Group\"}");
        fixture.eventually(Duration.ofMillis(10), () -> lms.received().size() == 2);

        JsonNode outer = lms.received().stream().map(WebhookReceiver.Received::body) // no order across groups
                .filter(b -> b.get("group").get("displayName").asText().equals("Bletchley")).findFirst().orElseThrow();
        assertThat(outer.get("type").asText()).isEqualTo("group.created");
        JsonNode group = outer.get("group");
        assertThat(group.get("id").asText()).isEqualTo(outer.get("groupId").asText());
        assertThat(group.get("displayName").asText()).isEqualTo("Bletchley");
        assertThat(group.get("members")).hasSize(2);
        JsonNode viaNested = member(group, alan);
        assertThat(viaNested.get("direct").asBoolean()).isFalse();
        assertThat(viaNested.get("personId").asText()).isNotBlank();
        assertThat(member(group, joan).get("direct").asBoolean()).isTrue();
    }

    private static JsonNode member(JsonNode group, String accountId) {
        for (JsonNode m : group.get("members")) {
            if (m.get("accountId").asText().equals(accountId)) {
                return m;
            }
        }
        throw new AssertionError(accountId + " is not a member: " + group);
    }

    private String group(String name, String members) {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + name
                + "\",\"members\":[" + members + "]}";
        HttpResult r = server.post("/scim/v2/Groups", hr, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }
}
