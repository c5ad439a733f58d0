package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A merge re-evaluates the survivor's lifecycle from all its accounts, and a changed termination
 * reason while suspended moves the deprovision (over HTTP against real MariaDB).
 */
class MergeLifecycleHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("salesforce", SourceKind.CRM)
            .adminToken("it-reader", AdminScope.READ)
            .adminToken("it-writer", AdminScope.WRITE)
            .build();
    @Token("workday") static String hr;
    @Token("salesforce") static String crm;
    @Token("it-reader") static String reader;
    @Token("it-writer") static String writer;

    private final LifecyclePushes pushes = LifecyclePushes.over(server);

    private JsonNode merge(String survivor, String merged) {
        HttpResult r = server.post("/api/v1/people/" + survivor + "/merge", writer, "{\"personId\":\"" + merged + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.jsonBody();
    }

    private String lastPayload(String personId, String type) {
        return server.services().database().dsl().select(EVENT.PAYLOAD).from(EVENT)
                .where(EVENT.PERSON_ID.eq(personId)).and(EVENT.TYPE.eq(type)).orderBy(EVENT.PERSON_SEQ.desc()).limit(1)
                .fetchOne(r -> r.value1().data());
    }

    @Test
    void aSuspendedSurvivorMergedWithAnEmployedHrRecordIsReactivatedAsMerged() {
        JsonNode leaver = pushes.create(hr, pushes.employee("merge.leaver", "G-100"));
        pushes.patchActive(hr, leaver, false);
        JsonNode employed = pushes.create(hr, pushes.employee("merge.employed", "G-101"));

        JsonNode survivor = merge(personId(leaver), personId(employed));

        assertThat(survivor.get("state").asText()).isEqualTo("active");
        assertThat(survivor.get("stateReason").asText()).isEqualTo("merged");
        assertThat(survivor.get("pendingTimers")).isEmpty();
        assertThat(lastPayload(personId(leaver), "person.reactivated")).contains("\"merged\"");
    }

    @Test
    void anActiveSurvivorWhoseOnlyEmploymentRecordIsTerminatedIsSuspendedAndTheMergedTimersEnd() {
        JsonNode contact = pushes.create(crm, pushes.employee("merge.contact", "G-200"));
        JsonNode leaver = pushes.create(hr, LifecyclePushes.terminated(pushes.employee("merge.hr", "G-201"), "resignation"));
        assertThat(pushes.person(reader, personId(leaver)).get("pendingTimers")).hasSize(1);

        JsonNode survivor = merge(personId(contact), personId(leaver));

        assertThat(survivor.get("state").asText()).isEqualTo("suspended");
        assertThat(survivor.get("stateReason").asText()).isEqualTo("resignation");
        assertThat(survivor.get("pendingTimers")).singleElement()
                .satisfies(t -> assertThat(t.get("kind").asText()).isEqualTo("deprovision"));
        assertThat(pushes.person(reader, personId(leaver)).get("pendingTimers")).isEmpty();
    }

    @Test
    void aChangedTerminationReasonWhileSuspendedMovesTheDeprovision() {
        ObjectNode employee = pushes.employee("reason.change", "G-300");
        JsonNode user = pushes.create(hr, employee);
        pushes.replace(hr, user, LifecyclePushes.terminated(employee, null));
        JsonNode suspended = pushes.person(reader, personId(user));
        Instant since = Instant.parse(suspended.get("stateSince").asText());
        server.clock().advance(Duration.ofDays(1));

        pushes.replace(hr, user, LifecyclePushes.terminated(employee, "retirement"));

        JsonNode p = pushes.person(reader, personId(user));
        assertThat(p.get("stateReason").asText()).isEqualTo("retirement");
        assertThat(Instant.parse(p.get("graceUntil").asText())).isEqualTo(since.plus(Duration.ofDays(14)));
        assertThat(Instant.parse(p.at("/pendingTimers/0/dueAt").asText())).isEqualTo(since.plus(Duration.ofDays(14)));
        assertThat(p.get("pendingTimers")).hasSize(1);
        assertThat(lastPayload(personId(user), "person.grace_changed")).contains("termination_reason_changed");
    }
}
