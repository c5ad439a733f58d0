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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IT's direct lifecycle actions over HTTP against real MariaDB, on a movable clock: revoke, reinstate, move the
 * grace (extend, shorten, set), cancel the deprovision, deprovision now; each audited and evented,
 * refused with a problem (400/404/409) on bad input or a state that does not allow it, changing
 * nothing then. Also the timer list and the timers on the person's timeline.
 */
class LifecycleActionsHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-reader", AdminScope.READ)
            .adminToken("it-writer", AdminScope.WRITE)
            .build();
    @Token("workday") static String hr;
    @Token("it-reader") static String reader;
    @Token("it-writer") static String writer;

    private final LifecyclePushes pushes = LifecyclePushes.over(server);

    private HttpResult act(String personId, String action, String body) {
        return server.post("/api/v1/people/" + personId + "/lifecycle/" + action, writer, body == null ? "" : body);
    }

    private JsonNode ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    private static void problem(HttpResult r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    private int events(String personId, String type) {
        return server.services().database().dsl().fetchCount(EVENT, EVENT.PERSON_ID.eq(personId).and(EVENT.TYPE.eq(type)));
    }

    private int audits(String personId, String action) {
        return server.services().database().dsl().fetchCount(AUDIT, AUDIT.TARGET_ID.eq(personId).and(AUDIT.ACTION.eq(action)));
    }

    private List<String> timeline(String personId) {
        List<String> out = new ArrayList<>();
        server.get("/api/v1/people/" + personId + "/timeline", reader).jsonBody().get("entries")
                .forEach(e -> out.add(e.get("kind").asText() + ":" + e.get("type").asText()));
        return out;
    }

    private JsonNode timers(String query) {
        HttpResult r = server.get("/api/v1/timers" + query, reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    /** An HRIS employee terminated with the default grace (7 days); returns its person id. */
    private String suspended(String userName, String worker) {
        ObjectNode employee = pushes.employee(userName, worker);
        JsonNode user = pushes.create(hr, employee);
        pushes.replace(hr, user, terminated(employee, null));
        return personId(user);
    }

    @Test
    void revokeSuspendsAnActivePersonNowWithTheInvoluntaryGraceAndTheSourceSayingEmployedDoesNotUndoIt() {
        ObjectNode employee = pushes.employee("revoke.me", "A-100");
        JsonNode user = pushes.create(hr, employee);
        String id = personId(user);

        JsonNode p = ok(act(id, "revoke", null));

        assertThat(p.get("state").asText()).isEqualTo("suspended");
        assertThat(p.get("stateReason").asText()).isEqualTo("involuntary");
        assertThat(p.get("graceUntil").asText()).isEqualTo(p.get("stateSince").asText());
        assertThat(events(id, "person.suspended")).isEqualTo(1);
        assertThat(audits(id, "person.revoke")).isEqualTo(1);
        ObjectNode changed = employee.deepCopy();
        changed.put("title", "Still employed says HR");
        pushes.replace(hr, user, changed);
        assertThat(pushes.person(reader, id).get("state").asText()).isNotEqualTo("active");
        assertThat(events(id, "person.reactivated")).isZero();
    }

    @Test
    void revokeWithAReasonUsesThatReasonsGraceAndRefusesAPersonNotActive() {
        JsonNode user = pushes.create(hr, pushes.employee("revoke.reason", "A-200"));
        String id = personId(user);

        JsonNode p = ok(act(id, "revoke", "{\"reason\":\"resignation\"}"));
        assertThat(Duration.between(Instant.parse(p.get("stateSince").asText()), Instant.parse(p.get("graceUntil").asText())))
                .isEqualTo(Duration.ofDays(14));

        problem(act(id, "revoke", null), 409);
        problem(act(id, "revoke", "{\"why\":\"typo\"}"), 400);
        problem(act("no-such-person", "revoke", null), 404);
        assertThat(server.post("/api/v1/people/" + id + "/lifecycle/revoke", reader, "").status()).isEqualTo(403);
        assertThat(events(id, "person.suspended")).isEqualTo(1);
    }

    @Test
    void reinstatingARevokedPersonGivesAccessBackAndTheSourceRulesAgainAfterwards() {
        ObjectNode employee = pushes.employee("reinstate.me", "A-700");
        JsonNode user = pushes.create(hr, employee);
        String id = personId(user);
        ok(act(id, "revoke", "{\"reason\":\"resignation\"}"));

        JsonNode p = ok(act(id, "reinstate", null));

        assertThat(p.get("state").asText()).isEqualTo("active");
        assertThat(p.get("stateReason").asText()).isEqualTo("reinstated");
        assertThat(p.get("pendingTimers")).isEmpty();
        assertThat(events(id, "person.reactivated")).isEqualTo(1);
        assertThat(reactivationReasons(id)).containsExactly("reinstated");
        assertThat(server.services().database().dsl().fetchCount(AUDIT, AUDIT.TARGET_ID.eq(id)
                .and(AUDIT.ACTION.eq("person.reactivate")).and(AUDIT.ACTOR.eq("admin:it-writer")))).isEqualTo(1);
        assertThat(timers("?person=" + id + "&status=cancelled").get("items")).hasSize(1);
        problem(act(id, "reinstate", null), 409);

        pushes.replace(hr, user, terminated(employee, null));
        assertThat(pushes.person(reader, id).get("state").asText()).as("the HRIS terminates as usual").isEqualTo("suspended");
        pushes.replace(hr, user, employee);
        assertThat(pushes.person(reader, id).get("state").asText()).as("and rescinds as usual").isEqualTo("active");
    }

    @Test
    void aRevokedPersonAlreadyDeprovisionedIsReinstatedToo() {
        String id = personId(pushes.create(hr, pushes.employee("reinstate.late", "A-710")));
        ok(act(id, "revoke", null)); // the involuntary grace: none
        server.services().timerScheduler().runOnce();
        pushes.awaitState(reader, id, "deprovisioned");

        JsonNode p = ok(act(id, "reinstate", null));

        assertThat(p.get("state").asText()).isEqualTo("active");
        assertThat(reactivationReasons(id)).containsExactly("reinstated");
        assertThat(server.services().database().dsl().fetchValue("SELECT JSON_VALUE(payload, '$.previousState') FROM event"
                + " WHERE person_id = ? AND type = 'person.reactivated'", id)).isEqualTo("deprovisioned");
    }

    @Test
    void itUndoesOnlyItsOwnRevocationNeverTheSourcesTermination() {
        String terminatedByHr = suspended("reinstate.hr", "A-720");
        ObjectNode employee = pushes.employee("reinstate.superseded", "A-721");
        JsonNode user = pushes.create(hr, employee);
        String superseded = personId(user);
        ok(act(superseded, "revoke", "{\"reason\":\"resignation\"}"));
        pushes.replace(hr, user, terminated(employee, null));
        String active = personId(pushes.create(hr, pushes.employee("reinstate.active", "A-722")));
        JsonNode before = pushes.person(reader, terminatedByHr);

        problem(act(terminatedByHr, "reinstate", null), 409);
        problem(act(superseded, "reinstate", null), 409);
        problem(act(active, "reinstate", null), 409);
        problem(act("no-such-person", "reinstate", null), 404);
        assertThat(server.post("/api/v1/people/" + superseded + "/lifecycle/reinstate", reader, "").status()).isEqualTo(403);

        assertThat(pushes.person(reader, terminatedByHr).get("version")).isEqualTo(before.get("version"));
        assertThat(pushes.person(reader, superseded).get("state").asText()).isEqualTo("suspended");
        for (String id : List.of(terminatedByHr, superseded, active)) {
            assertThat(events(id, "person.reactivated")).isZero();
        }
    }

    private List<String> reactivationReasons(String personId) {
        return server.services().database().dsl().fetch("SELECT JSON_VALUE(payload, '$.reason') FROM event"
                + " WHERE person_id = ? AND type = 'person.reactivated' ORDER BY pk", personId).getValues(0, String.class);
    }

    @Test
    void extendingTheGraceMovesThePendingDeprovisionWhichThenFiresAtTheNewTime() {
        String id = suspended("grace.extend", "A-300");
        Instant before = Instant.parse(pushes.person(reader, id).get("graceUntil").asText());

        JsonNode p = ok(act(id, "grace", "{\"extendBy\":\"P3D\"}"));

        Instant after = Instant.parse(p.get("graceUntil").asText());
        assertThat(after).isEqualTo(before.plus(Duration.ofDays(3)));
        assertThat(p.get("pendingTimers")).singleElement()
                .satisfies(t -> assertThat(Instant.parse(t.get("dueAt").asText())).isEqualTo(after));
        assertThat(events(id, "person.grace_changed")).isEqualTo(1);
        assertThat(audits(id, "person.grace.extend")).isEqualTo(1);
        JsonNode listed = timers("?person=" + id).get("items");
        assertThat(listed).extracting(t -> t.get("status").asText()).containsExactly("moved", "pending");
        assertThat(listed.get(1).get("movedFrom").asText()).isEqualTo(listed.get(0).get("id").asText());
        assertThat(listed.get(0).get("finishedBy").asText()).isEqualTo("admin:it-writer");
        assertThat(timeline(id)).contains("timer:timer.scheduled", "timer:timer.moved", "event:person.grace_changed",
                "audit:person.grace.extend");

        server.clock().advance(Duration.ofDays(8));
        server.services().timerScheduler().runOnce();
        assertThat(pushes.person(reader, id).get("state").asText()).isEqualTo("suspended");
        server.clock().advance(Duration.ofDays(2));
        server.services().timerScheduler().runOnce();
        pushes.awaitState(reader, id, "deprovisioned");
        assertThat(timeline(id)).contains("timer:timer.fired");
    }

    @Test
    void shorteningOrSettingTheGraceIntoThePastIsRefusedAndChangesNothing() {
        String id = suspended("grace.past", "A-400");
        JsonNode before = pushes.person(reader, id);

        problem(act(id, "grace", "{\"shortenBy\":\"P30D\"}"), 400);
        problem(act(id, "grace", "{\"graceUntil\":\"2001-01-01T00:00:00Z\"}"), 400);
        problem(act(id, "grace", "{\"extendBy\":\"P1D\",\"shortenBy\":\"P1D\"}"), 400);
        problem(act(id, "grace", "{\"extendBy\":\"seven days\"}"), 400);
        problem(act(id, "grace", "{\"graceUntil\":\"tomorrow\"}"), 400);

        JsonNode after = pushes.person(reader, id);
        assertThat(after.get("graceUntil")).isEqualTo(before.get("graceUntil"));
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(events(id, "person.grace_changed")).isZero();

        Instant sooner = Instant.parse(before.get("graceUntil").asText()).minus(Duration.ofDays(6));
        JsonNode shortened = ok(act(id, "grace", "{\"shortenBy\":\"P6D\"}"));
        assertThat(Instant.parse(shortened.get("graceUntil").asText())).isEqualTo(sooner);
        assertThat(audits(id, "person.grace.shorten")).isEqualTo(1);
    }

    @Test
    void cancellingTheDeprovisionKeepsThePersonSuspendedUntilTheSourceRescinds() {
        ObjectNode employee = pushes.employee("grace.cancel", "A-500");
        JsonNode user = pushes.create(hr, employee);
        String id = personId(user);
        pushes.replace(hr, user, terminated(employee, null));

        JsonNode p = ok(act(id, "cancel-deprovision", null));

        assertThat(p.get("state").asText()).isEqualTo("suspended");
        assertThat(p.get("graceUntil").isNull()).isTrue();
        assertThat(p.get("pendingTimers")).isEmpty();
        assertThat(timers("?person=" + id + "&status=cancelled").get("items")).hasSize(1);
        problem(act(id, "cancel-deprovision", null), 409);
        problem(act(id, "grace", "{\"extendBy\":\"P1D\"}"), 409);
        server.clock().advance(Duration.ofDays(60));
        server.services().timerScheduler().runOnce();
        assertThat(pushes.person(reader, id).get("state").asText()).isEqualTo("suspended");

        pushes.replace(hr, user, employee);
        assertThat(pushes.person(reader, id).get("state").asText()).isEqualTo("active");
    }

    @Test
    void deprovisionNowEndsASuspendedPersonAndRefusesAnActiveOne() {
        String id = suspended("deprov.now", "A-600");
        JsonNode active = pushes.create(hr, pushes.employee("deprov.active", "A-601"));

        JsonNode p = ok(act(id, "deprovision", null));

        assertThat(p.get("state").asText()).isEqualTo("deprovisioned");
        assertThat(p.get("pendingTimers")).isEmpty();
        assertThat(events(id, "person.deprovisioned")).isEqualTo(1);
        problem(act(id, "deprovision", null), 409);
        problem(act(personId(active), "deprovision", null), 409);
        assertThat(pushes.person(reader, personId(active)).get("state").asText()).isEqualTo("active");
    }

    @Test
    void theTimerListFiltersAndPagesByCursorSoonestFirst() {
        for (int i = 0; i < 3; i++) {
            suspended("timers.page" + i, "A-70" + i);
            server.clock().advance(Duration.ofMinutes(1));
        }
        Instant now = server.clock().instant();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = timers("?status=pending&kind=deprovision&limit=1&dueAfter=" + now.toString()
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(t -> seen.add(t.get("dueAt").asText() + "|" + t.get("id").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3).isSorted().doesNotHaveDuplicates();
        assertThat(timers("?dueBefore=" + now.minus(Duration.ofDays(3650))).get("items")).isEmpty();

        problem(server.get("/api/v1/timers?kind=explode", reader), 400);
        problem(server.get("/api/v1/timers?status=late", reader), 400);
        problem(server.get("/api/v1/timers?dueBefore=soon", reader), 400);
        problem(server.get("/api/v1/timers?cursor=bm90LW91cnM", reader), 400);
    }
}
