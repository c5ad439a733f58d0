package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
import static dev.rollcall.lifecycle.LifecyclePushes.terminated;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.TIMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.generated.enums.TimerStatus;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two-step termination over SCIM against real MariaDB, on a movable clock: suspension committed with
 * the push, deprovision after the grace (the test runs a scheduler pass itself; the server's own
 * background pass may get there first), rescind, rehire, and weaker sources that never terminate.
 */
class LifecycleHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("okta", SourceKind.IDP)
            .source("salesforce", SourceKind.CRM)
            .adminToken("it-reader", AdminScope.READ)
            .build();
    @Token("workday") static String hr;
    @Token("okta") static String idp;
    @Token("salesforce") static String crm;
    @Token("it-reader") static String reader;

    private final LifecyclePushes pushes = LifecyclePushes.over(server);

    private void schedulerPass() {
        server.services().timerScheduler().runOnce();
    }

    private List<String> timeline(String personId) {
        List<String> out = new ArrayList<>();
        server.get("/api/v1/people/" + personId + "/timeline", reader).jsonBody().get("entries")
                .forEach(e -> out.add(e.get("kind").asText() + ":" + e.get("type").asText()));
        return out;
    }

    private int events(String personId, String type) {
        return server.services().database().dsl().fetchCount(EVENT, EVENT.PERSON_ID.eq(personId).and(EVENT.TYPE.eq(type)));
    }

    private int timers(String personId, TimerStatus status) {
        var db = server.services().database().dsl();
        return db.fetchCount(TIMER, TIMER.STATUS.eq(status)
                .and(TIMER.PERSON_PK.eq(db.select(PERSON.PK).from(PERSON).where(PERSON.ID.eq(personId)))));
    }

    @Test
    void anHrisDeactivationSuspendsAtOnceAndDeprovisionsWhenTheDefaultGraceRunsOut() {
        JsonNode user = pushes.create(hr, pushes.employee("grace.default", "L-100"));
        String id = personId(user);

        pushes.patchActive(hr, user, false);

        JsonNode p = pushes.person(reader, id);
        assertThat(p.get("state").asText()).isEqualTo("suspended");
        assertThat(p.get("stateReason").asText()).isEqualTo("terminated");
        Instant since = Instant.parse(p.get("stateSince").asText());
        Instant until = Instant.parse(p.get("graceUntil").asText());
        assertThat(Duration.between(since, until)).isEqualTo(Duration.ofDays(7));
        assertThat(p.get("pendingTimers")).singleElement().satisfies(t -> {
            assertThat(t.get("kind").asText()).isEqualTo("deprovision");
            assertThat(Instant.parse(t.get("dueAt").asText())).isEqualTo(until);
        });

        server.clock().advance(Duration.ofDays(6));
        schedulerPass();
        assertThat(pushes.person(reader, id).get("state").asText()).isEqualTo("suspended");

        server.clock().advance(Duration.ofDays(1).plusSeconds(1));
        schedulerPass();
        JsonNode gone = pushes.awaitState(reader, id, "deprovisioned");
        assertThat(gone.get("pendingTimers")).isEmpty();
        assertThat(gone.get("graceUntil").isNull()).isTrue();
        assertThat(events(id, "person.suspended")).isEqualTo(1);
        assertThat(events(id, "person.deprovisioned")).isEqualTo(1);
        assertThat(timers(id, TimerStatus.fired)).isEqualTo(1);
        assertThat(timeline(id)).contains("event:person.suspended", "audit:person.suspend", "event:person.deprovisioned",
                "audit:person.deprovision");
    }

    @Test
    void anInvoluntaryTerminationWithNoGraceDeprovisionsOnTheNextPass() {
        ObjectNode employee = pushes.employee("grace.none", "L-200");
        JsonNode user = pushes.create(hr, employee);

        pushes.replace(hr, user, terminated(employee, "involuntary"));
        assertThat(pushes.person(reader, personId(user)).get("state").asText()).isEqualTo("suspended");
        schedulerPass();

        JsonNode p = pushes.awaitState(reader, personId(user), "deprovisioned");
        assertThat(p.get("stateReason").asText()).isEqualTo("involuntary");
    }

    @Test
    void aRescindInsideTheGraceRestoresTheSamePersonAndCancelsItsDeprovision() {
        ObjectNode employee = pushes.employee("grace.rescind", "L-300");
        JsonNode user = pushes.create(hr, employee);
        String id = personId(user);
        pushes.replace(hr, user, terminated(employee, "resignation"));
        server.clock().advance(Duration.ofDays(3));

        JsonNode back = pushes.replace(hr, user, employee);

        assertThat(personId(back)).isEqualTo(id);
        JsonNode p = pushes.person(reader, id);
        assertThat(p.get("state").asText()).isEqualTo("active");
        assertThat(p.get("stateReason").asText()).isEqualTo("rescinded");
        assertThat(p.get("pendingTimers")).isEmpty();
        assertThat(timers(id, TimerStatus.cancelled)).isEqualTo(1);

        server.clock().advance(Duration.ofDays(30));
        schedulerPass();
        assertThat(pushes.person(reader, id).get("state").asText()).isEqualTo("active");
        assertThat(events(id, "person.reactivated")).isEqualTo(1);
        assertThat(events(id, "person.deprovisioned")).isZero();
    }

    @Test
    void aReturnUnderTheSameWorkerIdAfterDeprovisioningIsARehire() {
        JsonNode user = pushes.create(hr, pushes.employee("grace.rehire", "L-400"));
        String id = personId(user);
        pushes.delete(hr, user);
        assertThat(pushes.person(reader, id).get("state").asText()).isEqualTo("suspended");
        server.clock().advance(Duration.ofDays(8));
        schedulerPass();
        pushes.awaitState(reader, id, "deprovisioned");

        JsonNode again = pushes.create(hr, pushes.employee("grace.rehire2", "L-400"));

        assertThat(personId(again)).isEqualTo(id);
        JsonNode p = pushes.person(reader, id);
        assertThat(p.get("state").asText()).isEqualTo("active");
        assertThat(p.get("stateReason").asText()).isEqualTo("rehire");
        assertThat(timeline(id)).containsSubsequence("event:person.suspended", "event:person.deprovisioned",
                "event:person.reactivated");
    }

    @Test
    void anIdpOrCrmDeactivationOrDeleteNeverSuspendsThePerson() {
        JsonNode employee = pushes.create(hr, pushes.employee("weak.hr", "L-500"));
        ObjectNode login = pushes.employee("weak.idp", "ignored");
        ((ObjectNode) login.get(LifecyclePushes.LIFECYCLE)).remove("workerId");
        login.putObject(LifecyclePushes.ENTERPRISE).put("employeeNumber", "L-500");
        JsonNode idpAccount = pushes.create(idp, login);
        assertThat(personId(idpAccount)).isEqualTo(personId(employee));
        JsonNode contact = pushes.create(crm, pushes.employee("weak.crm", "L-501"));

        pushes.patchActive(idp, idpAccount, false);
        pushes.delete(idp, idpAccount);
        pushes.patchActive(crm, contact, false);
        pushes.delete(crm, contact);

        for (String id : List.of(personId(employee), personId(contact))) {
            JsonNode p = pushes.person(reader, id);
            assertThat(p.get("state").asText()).as(id).isEqualTo("active");
            assertThat(p.get("pendingTimers")).isEmpty();
            assertThat(events(id, "person.suspended")).isZero();
        }
    }

    @Test
    void theActiveListLeavesOutSuspendedPersons() {
        JsonNode stays = pushes.create(hr, pushes.employee("list.stays", "L-600"));
        JsonNode leaves = pushes.create(hr, pushes.employee("list.leaves", "L-601"));
        pushes.patchActive(hr, leaves, false);

        List<String> active = new ArrayList<>();
        server.get("/api/v1/people?state=active&limit=200", reader).jsonBody().get("items")
                .forEach(x -> active.add(x.get("id").asText()));
        List<String> suspended = new ArrayList<>();
        server.get("/api/v1/people?state=suspended&limit=200", reader).jsonBody().get("items")
                .forEach(x -> suspended.add(x.get("id").asText()));

        assertThat(active).contains(personId(stays)).doesNotContain(personId(leaves));
        assertThat(suspended).contains(personId(leaves));
    }
}
