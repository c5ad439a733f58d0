package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecyclePushes.personId;
import static dev.rollcall.store.generated.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CRM account transfer grace for one external persona while the employee persona stays, over SCIM and MariaDB. */
class CrmTransferHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .source("salesforce", SourceKind.CRM)
            .adminToken("it-reader", AdminScope.READ)
            .build();
    @Token("workday") static String hr;
    @Token("salesforce") static String crm;
    @Token("it-reader") static String reader;

    private final LifecyclePushes pushes = LifecyclePushes.over(server);

    /** A CRM contact of the employee (same name and email), in CRM account {@code crmAccountId}. */
    private ObjectNode contact(String userName, String workerId, String crmAccountId) {
        ObjectNode u = pushes.employee(userName, workerId);
        u.put("userName", userName + ".crm");
        ObjectNode ext = (ObjectNode) u.get(LifecyclePushes.LIFECYCLE);
        ext.remove("workerId");
        ext.put("crmAccountId", crmAccountId);
        return u;
    }

    private static List<String> personas(JsonNode person) {
        List<String> out = new ArrayList<>();
        person.get("personas").forEach(p -> out.add(p.get("persona").asText() + ":" + p.path("crmAccountId").asText("-")
                + ":" + p.get("active").asBoolean() + ":" + (p.get("transferGraceUntil").isNull() ? "current" : "grace")));
        return out;
    }

    private int events(String personId, String type) {
        return server.services().database().dsl().fetchCount(EVENT, EVENT.PERSON_ID.eq(personId).and(EVENT.TYPE.eq(type)));
    }

    @Test
    void aMovedContactKeepsItsFormerCrmAccountForTheGraceWhileTheEmployeePersonaStays() {
        JsonNode employee = pushes.create(hr, pushes.employee("transfer.one", "C-100"));
        String id = personId(employee);
        JsonNode contact = pushes.create(crm, contact("transfer.one", "C-100", "acct-1"));
        assertThat(personId(contact)).isEqualTo(id);

        pushes.replace(crm, contact, contact("transfer.one", "C-100", "acct-2"));

        JsonNode p = pushes.person(reader, id);
        assertThat(personas(p)).containsExactlyInAnyOrder("employee:-:true:current", "external:acct-2:true:current",
                "external:acct-1:true:grace");
        Instant until = Instant.parse(p.findValues("transferGraceUntil").stream().filter(JsonNode::isTextual)
                .findFirst().orElseThrow().asText());
        assertThat(p.get("pendingTimers")).singleElement().satisfies(t -> {
            assertThat(t.get("kind").asText()).isEqualTo("persona_end");
            assertThat(Instant.parse(t.get("dueAt").asText())).isEqualTo(until);
        });
        assertThat(events(id, "persona.transfer_started")).isEqualTo(1);

        server.clock().advance(Duration.ofDays(30).plusSeconds(1));
        server.services().timerScheduler().runOnce();

        JsonNode after = pushes.person(reader, id);
        assertThat(personas(after)).containsExactlyInAnyOrder("employee:-:true:current", "external:acct-2:true:current");
        assertThat(after.get("state").asText()).isEqualTo("active");
        assertThat(events(id, "persona.ended")).isEqualTo(1);
        assertThat(events(id, "person.suspended")).isZero();
    }

    @Test
    void aDeletedContactKeepsItsPersonaForTheGrace() {
        JsonNode employee = pushes.create(hr, pushes.employee("transfer.two", "C-200"));
        String id = personId(employee);
        JsonNode contact = pushes.create(crm, contact("transfer.two", "C-200", "acct-9"));
        assertThat(personId(contact)).isEqualTo(id);

        pushes.delete(crm, contact);

        assertThat(personas(pushes.person(reader, id))).containsExactlyInAnyOrder("employee:-:true:current",
                "external:acct-9:true:grace");
        server.clock().advance(Duration.ofDays(30).plusSeconds(1));
        server.services().timerScheduler().runOnce();
        assertThat(personas(pushes.person(reader, id))).containsExactly("employee:-:true:current");
    }
}
