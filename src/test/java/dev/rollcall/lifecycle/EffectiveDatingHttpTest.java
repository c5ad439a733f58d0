package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.PERSON;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Effective dating over SCIM against real MariaDB, on a movable clock: future hires pending and
 * activated, plain dates in the source's time zone (set through the admin API), dated terminations
 * moved, removed and reached, invalid dates refused, and the active list.
 */
class EffectiveDatingHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("bamboo", SourceKind.HRIS)
            .adminToken("it-reader", AdminScope.READ)
            .adminToken("it-writer", AdminScope.WRITE)
            .build();
    @Token("workday") static String hr;
    @Token("bamboo") static String hr2;
    @Token("it-reader") static String reader;
    @Token("it-writer") static String writer;

    private final LifecyclePushes pushes = LifecyclePushes.over(server);

    private static ObjectNode dated(ObjectNode user, String attribute, String value) {
        ObjectNode u = user.deepCopy();
        ObjectNode ext = (ObjectNode) u.get(LifecyclePushes.LIFECYCLE);
        if (value == null) {
            ext.remove(attribute);
        } else {
            ext.put(attribute, value);
        }
        return u;
    }

    private Instant in(Duration d) {
        return server.clock().instant().plus(d).truncatedTo(ChronoUnit.SECONDS);
    }

    private int events(String personId, String type) {
        return server.services().database().dsl().fetchCount(EVENT, EVENT.PERSON_ID.eq(personId).and(EVENT.TYPE.eq(type)));
    }

    private static List<String> timers(JsonNode person) {
        List<String> out = new ArrayList<>();
        person.get("pendingTimers").forEach(t -> out.add(t.get("kind").asText() + "@" + t.get("dueAt").asText()));
        return out;
    }

    @Test
    void aFutureHireIsProvisionedAtOnceAndActivatedWhenItsDayComesInTheSourcesTimeZone() {
        HttpResult zoned = server.patch("/api/v1/sources/bamboo", writer, "{\"timeZone\":\"America/New_York\"}");
        assertThat(zoned.status()).as(zoned.body()).isEqualTo(200);
        assertThat(zoned.jsonBody().get("timeZone").asText()).isEqualTo("America/New_York");
        LocalDate day = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC).plusDays(20);
        Instant start = day.atStartOfDay(ZoneId.of("America/New_York")).toInstant();

        JsonNode user = pushes.create(hr2, dated(pushes.employee("hire.future", "D-100"), "hireDate", day.toString()));
        String id = personId(user);

        assertThat(user.at("/" + LifecyclePushes.LIFECYCLE.replace("/", "~1") + "/hireDate").asText()).isEqualTo(day.toString());
        JsonNode p = pushes.person(reader, id);
        assertThat(p.get("state").asText()).isEqualTo("pending");
        assertThat(timers(p)).containsExactly("activate@" + start);
        assertThat(events(id, "person.created")).isEqualTo(1);
        assertThat(events(id, "person.provisioned")).isEqualTo(1);

        server.clock().set(start.plusSeconds(1));
        server.services().timerScheduler().runOnce();

        JsonNode active = pushes.awaitState(reader, id, "active");
        assertThat(active.get("stateReason").asText()).isEqualTo("hire_date");
        assertThat(active.get("pendingTimers")).isEmpty();
        assertThat(events(id, "person.activated")).isEqualTo(1);
    }

    @Test
    void aDatedTerminationIsATimerThatMovesIsCancelledAndSuspendsWhenReached() {
        ObjectNode employee = pushes.employee("term.dated", "D-200");
        JsonNode user = pushes.create(hr, employee);
        String id = personId(user);
        Instant first = in(Duration.ofDays(10));
        Instant moved = in(Duration.ofDays(12));

        pushes.replace(hr, user, dated(employee, "terminationDate", first.toString()));
        assertThat(timers(pushes.person(reader, id))).containsExactly("terminate@" + first);
        pushes.replace(hr, user, dated(employee, "terminationDate", moved.toString()));
        assertThat(timers(pushes.person(reader, id))).containsExactly("terminate@" + moved);
        pushes.replace(hr, user, employee);
        assertThat(pushes.person(reader, id).get("pendingTimers")).isEmpty();
        pushes.replace(hr, user, dated(employee, "terminationDate", moved.toString()));

        server.clock().advance(Duration.ofDays(12).plusSeconds(1));
        server.services().timerScheduler().runOnce();

        JsonNode p = pushes.awaitState(reader, id, "suspended");
        assertThat(timers(p)).singleElement().satisfies(t -> assertThat(t).startsWith("deprovision@"));
        assertThat(events(id, "person.suspended")).isEqualTo(1);
    }

    @Test
    void aTerminationDateInThePastTerminatesAtOnce() {
        ObjectNode employee = pushes.employee("term.past", "D-300");
        JsonNode user = pushes.create(hr, employee);

        pushes.replace(hr, user, dated(employee, "terminationDate", LocalDate.of(2020, 1, 31).toString()));

        assertThat(pushes.person(reader, personId(user)).get("state").asText()).isEqualTo("suspended");
    }

    @Test
    void anInvalidDateIsRefusedAndChangesNothing() {
        var db = server.services().database().dsl();
        int persons = db.fetchCount(PERSON);
        int accounts = db.fetchCount(ACCOUNT);

        HttpResult created = server.post("/scim/v2/Users", hr,
                dated(pushes.employee("date.bad", "D-400"), "hireDate", "2026-13-45"));

        assertThat(created.status()).as(created.body()).isEqualTo(400);
        assertThat(created.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        assertThat(db.fetchCount(PERSON)).isEqualTo(persons);
        assertThat(db.fetchCount(ACCOUNT)).isEqualTo(accounts);

        ObjectNode employee = pushes.employee("date.bad2", "D-401");
        JsonNode user = pushes.create(hr, employee);
        HttpResult replaced = server.put("/scim/v2/Users/" + user.get("id").asText(), hr,
                dated(employee, "terminationDate", "tomorrow"));
        assertThat(replaced.status()).isEqualTo(400);
        assertThat(replaced.jsonBody().get("scimType").asText()).isEqualTo("invalidValue");
        JsonNode p = pushes.person(reader, personId(user));
        assertThat(p.get("state").asText()).isEqualTo("active");
        assertThat(p.get("pendingTimers")).isEmpty();
    }

    @Test
    void aSourceTimeZoneMustBeKnownAndCanBeCleared() {
        HttpResult bad = server.patch("/api/v1/sources/workday", writer, "{\"timeZone\":\"Mars/Olympus\"}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(server.get("/api/v1/sources/workday", reader).jsonBody().get("timeZone").isNull()).isTrue();
        assertThat(server.patch("/api/v1/sources/workday", reader, "{\"timeZone\":\"UTC\"}").status()).isEqualTo(403);

        assertThat(server.patch("/api/v1/sources/workday", writer, "{\"timeZone\":\"Europe/Berlin\"}").status())
                .isEqualTo(200);
        HttpResult cleared = server.patch("/api/v1/sources/workday", writer, "{\"timeZone\":null}");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.jsonBody().get("timeZone").isNull()).isTrue();
    }

    @Test
    void theActiveListLeavesOutPendingSuspendedAndDeprovisionedPersons() {
        JsonNode active = pushes.create(hr, pushes.employee("list.active", "D-500"));
        JsonNode pending = pushes.create(hr, dated(pushes.employee("list.pending", "D-501"), "hireDate",
                in(Duration.ofDays(30)).toString()));
        JsonNode suspended = pushes.create(hr, pushes.employee("list.suspended", "D-502"));
        pushes.patchActive(hr, suspended, false);
        JsonNode gone = pushes.create(hr, LifecyclePushes.terminated(pushes.employee("list.gone", "D-503"), "involuntary"));
        server.services().timerScheduler().runOnce();
        pushes.awaitState(reader, personId(gone), "deprovisioned");

        List<String> listed = new ArrayList<>();
        server.get("/api/v1/people?state=active&limit=500", reader).jsonBody().get("items")
                .forEach(x -> listed.add(x.get("id").asText()));
        List<String> pendingList = new ArrayList<>();
        server.get("/api/v1/people?state=pending&limit=500", reader).jsonBody().get("items")
                .forEach(x -> pendingList.add(x.get("id").asText()));

        assertThat(listed).contains(personId(active))
                .doesNotContain(personId(pending), personId(suspended), personId(gone));
        assertThat(pendingList).containsExactly(personId(pending));
    }
}
