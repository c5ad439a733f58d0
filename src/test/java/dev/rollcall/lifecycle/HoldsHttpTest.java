package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
import static dev.rollcall.lifecycle.LifecyclePushes.terminated;
import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Holds over HTTP against real MariaDB: a burst of terminations from one source past the threshold
 * (here 5 per hour) is stored and answered normally, but its person-level steps wait; approve applies
 * them in arrival order, reject discards them. Each test uses a source of its own (windows are per source).
 */
class HoldsHttpTest {
    private static final int THRESHOLD = 5;

    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .env("ROLLCALL_HOLD_TERMINATIONS", Integer.toString(THRESHOLD))
            .source("workday", SourceKind.HRIS)
            .source("bamboo", SourceKind.HRIS)
            .adminToken("it-reader", AdminScope.READ)
            .adminToken("it-writer", AdminScope.WRITE)
            .build();
    @Token("workday") static String workday;
    @Token("bamboo") static String bamboo;
    @Token("it-reader") static String reader;
    @Token("it-writer") static String writer;

    private final LifecyclePushes pushes = LifecyclePushes.over(server);

    /** Pushes {@code n} employees, then terminates each in turn; returns the created users in that order. */
    private List<JsonNode> burst(String token, String prefix, int n) {
        List<ObjectNode> employees = new ArrayList<>();
        List<JsonNode> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ObjectNode e = pushes.employee(prefix + i, prefix.toUpperCase() + "-" + i);
            employees.add(e);
            users.add(pushes.create(token, e));
        }
        for (int i = 0; i < n; i++) {
            JsonNode answer = pushes.replace(token, users.get(i), terminated(employees.get(i), null));
            assertThat(answer.get("active").asBoolean()).isFalse();
        }
        return users;
    }

    private int events(String personId, String type) {
        return server.services().database().dsl().fetchCount(EVENT, EVENT.PERSON_ID.eq(personId).and(EVENT.TYPE.eq(type)));
    }

    private String state(String personId) {
        return pushes.person(reader, personId).get("state").asText();
    }

    private JsonNode ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    private JsonNode openHold(String source) {
        JsonNode list = ok(server.get("/api/v1/holds?status=open&source=" + source, reader)).get("items");
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @Test
    void fiftyTerminationsPastTheThresholdAreHeldThenApprovedAndAppliedInArrivalOrder() {
        List<JsonNode> users = burst(workday, "wd", THRESHOLD + 50);
        List<JsonNode> held = users.subList(THRESHOLD, users.size());

        users.subList(0, THRESHOLD).forEach(u -> assertThat(state(personId(u))).isEqualTo("suspended"));
        for (JsonNode u : held) {
            assertThat(state(personId(u))).isEqualTo("active");
            assertThat(events(personId(u), "person.suspended")).isZero();
            assertThat(events(personId(u), "account.updated")).isZero();
            HttpResult scim = server.get("/scim/v2/Users/" + u.get("id").asText(), workday);
            assertThat(scim.jsonBody().get("active").asBoolean()).isFalse();
        }
        JsonNode hold = openHold("workday");
        assertThat(hold.get("trigger").asText()).isEqualTo("termination");
        assertThat(hold.get("counts").get("pending").asInt()).isEqualTo(50);

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(server.get("/api/v1/holds/" + hold.get("id").asText() + "?limit=20"
                    + (cursor == null ? "" : "&cursor=" + cursor), reader));
            page.get("items").forEach(i -> {
                assertThat(i.get("kinds")).extracting(JsonNode::asText).containsExactly("termination");
                assertThat(i.get("changes")).anySatisfy(c -> {
                    assertThat(c.get("attribute").asText()).isEqualTo("active");
                    assertThat(c.get("from").asText()).isEqualTo("true");
                    assertThat(c.get("to").asText()).isEqualTo("false");
                });
                listed.add(i.get("personId").asText());
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(listed).containsExactlyElementsOf(held.stream().map(LifecyclePushes::personId).toList());

        JsonNode approved = ok(server.post("/api/v1/holds/" + hold.get("id").asText() + "/approve", writer, ""));

        assertThat(approved.get("status").asText()).isEqualTo("approved");
        assertThat(approved.get("appliedNow").asInt()).isEqualTo(50);
        assertThat(approved.get("decidedBy").asText()).isEqualTo("admin:it-writer");
        held.forEach(u -> assertThat(state(personId(u))).isEqualTo("suspended"));
        List<String> order = server.services().database().dsl().select(EVENT.PERSON_ID).from(EVENT)
                .where(EVENT.TYPE.eq("person.suspended")).and(EVENT.PERSON_ID.in(listed)).orderBy(EVENT.PK)
                .fetch(EVENT.PERSON_ID);
        assertThat(order).containsExactlyElementsOf(listed);
        assertThat(server.post("/api/v1/holds/" + hold.get("id").asText() + "/approve", writer, "").status()).isEqualTo(409);
    }

    @Test
    void aRejectedBurstIsDiscardedAuditedAndTheAccountsKeepTheirData() {
        List<JsonNode> users = burst(bamboo, "bb", THRESHOLD + 4);
        JsonNode hold = openHold("bamboo");
        String id = hold.get("id").asText();
        assertThat(server.post("/api/v1/holds/" + id + "/reject", reader, "").status()).isEqualTo(403);

        JsonNode rejected = ok(server.post("/api/v1/holds/" + id + "/reject", writer, ""));

        assertThat(rejected.get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.get("counts").get("discarded").asInt()).isEqualTo(4);
        for (JsonNode u : users.subList(THRESHOLD, users.size())) {
            assertThat(state(personId(u))).isEqualTo("active");
            assertThat(events(personId(u), "person.suspended")).isZero();
            assertThat(server.get("/scim/v2/Users/" + u.get("id").asText(), bamboo).jsonBody().get("active").asBoolean())
                    .isFalse();
        }
        assertThat(server.services().database().dsl().fetchCount(AUDIT, AUDIT.TARGET_ID.eq(id)
                .and(AUDIT.ACTION.eq("hold.reject")))).isEqualTo(1);
        assertThat(server.post("/api/v1/holds/" + id + "/approve", writer, "").status()).isEqualTo(409);
        assertThat(server.post("/api/v1/holds/" + id + "/reject", writer, "").status()).isEqualTo(409);
    }

    @Test
    void unknownHoldsAndBadFiltersAreProblems() {
        HttpResult missing = server.get("/api/v1/holds/no-such-hold", reader);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(server.post("/api/v1/holds/no-such-hold/approve", writer, "").status()).isEqualTo(404);
        assertThat(server.get("/api/v1/holds?status=paused", reader).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/holds?source=nowhere", reader).status()).isEqualTo(400);
        assertThat(server.get("/api/v1/holds?cursor=garbage", reader).status()).isEqualTo(400);
    }
}
