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

/** Reorg manager grace and leave over SCIM against real MariaDB, on a movable clock. */
class ManagerGraceAndLeaveHttpTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-reader", AdminScope.READ)
            .build();
    @Token("workday") static String hr;
    @Token("it-reader") static String reader;

    private final LifecyclePushes pushes = LifecyclePushes.over(server);

    private static ObjectNode withManager(ObjectNode user, String manager) {
        ObjectNode u = user.deepCopy();
        u.putObject(LifecyclePushes.ENTERPRISE).putObject("manager").put("value", manager);
        return u;
    }

    private static ObjectNode withStatus(ObjectNode user, String status) {
        ObjectNode u = user.deepCopy();
        ((ObjectNode) u.get(LifecyclePushes.LIFECYCLE)).put("employmentStatus", status);
        return u;
    }

    /** The payloads of the person's events of this type, oldest first. */
    private List<JsonNode> payloads(String personId, String type) {
        List<JsonNode> out = new ArrayList<>();
        server.services().database().dsl().select(EVENT.PAYLOAD).from(EVENT)
                .where(EVENT.PERSON_ID.eq(personId)).and(EVENT.TYPE.eq(type)).orderBy(EVENT.PERSON_SEQ)
                .forEach(r -> {
                    try {
                        out.add(server.json().readTree(r.value1().data()));
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                });
        return out;
    }

    private static List<String> timerKinds(JsonNode person) {
        List<String> kinds = new ArrayList<>();
        person.get("pendingTimers").forEach(t -> kinds.add(t.get("kind").asText()));
        return kinds;
    }

    @Test
    void aManagerChangeKeepsThePreviousManagerVisibleUntilTheGraceEnds() {
        ObjectNode employee = pushes.employee("reorg.one", "M-100");
        JsonNode user = pushes.create(hr, withManager(employee, "boss-1"));
        String id = personId(user);

        pushes.replace(hr, user, withManager(employee, "boss-2"));

        JsonNode p = pushes.person(reader, id);
        assertThat(p.at("/golden/manager/value").asText()).isEqualTo("boss-2");
        assertThat(p.at("/previousManager/value").asText()).isEqualTo("boss-1");
        Instant until = Instant.parse(p.at("/previousManager/until").asText());
        assertThat(timerKinds(p)).containsExactly("manager_grace_end");
        assertThat(Instant.parse(p.at("/pendingTimers/0/dueAt").asText())).isEqualTo(until);
        JsonNode changed = payloads(id, "person.updated").get(payloads(id, "person.updated").size() - 1);
        List<String> attributes = new ArrayList<>();
        changed.get("changes").forEach(c -> attributes.add(c.get("attribute").asText() + "=" + c.get("new").asText()));
        assertThat(attributes).contains("manager=boss-2", "manager.previous=boss-1", "manager.previousUntil=" + until);

        server.clock().advance(Duration.ofDays(7).plusSeconds(1));
        server.services().timerScheduler().runOnce();

        JsonNode after = pushes.person(reader, id);
        assertThat(after.get("previousManager").isNull()).isTrue();
        assertThat(after.at("/golden/manager.previous").isMissingNode()).isTrue();
        assertThat(after.get("pendingTimers")).isEmpty();
        List<JsonNode> updates = payloads(id, "person.updated");
        assertThat(updates.get(updates.size() - 1).get("cause").asText()).isEqualTo("manager_grace.ended");
    }

    @Test
    void leaveKeepsThePersonActiveShowsItAndRunsNoGraceUntilTheReturn() {
        ObjectNode employee = pushes.employee("leave.one", "M-200");
        JsonNode user = pushes.create(hr, employee);
        String id = personId(user);

        pushes.replace(hr, user, withStatus(employee, "Leave"));

        JsonNode onLeave = pushes.person(reader, id);
        assertThat(onLeave.get("state").asText()).isEqualTo("active");
        assertThat(onLeave.get("onLeave").asBoolean()).isTrue();
        assertThat(onLeave.get("leaveSince").isTextual()).isTrue();
        assertThat(onLeave.get("pendingTimers")).isEmpty();
        assertThat(payloads(id, "person.leave_started")).hasSize(1);
        server.clock().advance(Duration.ofDays(60));
        server.services().timerScheduler().runOnce();
        assertThat(pushes.person(reader, id).get("state").asText()).isEqualTo("active");

        pushes.replace(hr, user, withStatus(employee, "active"));

        JsonNode back = pushes.person(reader, id);
        assertThat(back.get("onLeave").asBoolean()).isFalse();
        assertThat(back.get("leaveSince").isNull()).isTrue();
        assertThat(payloads(id, "person.leave_ended")).hasSize(1);
    }

    @Test
    void aTerminationWhileOnLeaveSuspendsAsUsual() {
        ObjectNode employee = pushes.employee("leave.two", "M-300");
        JsonNode user = pushes.create(hr, withStatus(employee, "leave"));
        String id = personId(user);
        assertThat(pushes.person(reader, id).get("onLeave").asBoolean()).isTrue();

        pushes.replace(hr, user, LifecyclePushes.terminated(withStatus(employee, "leave"), "resignation"));

        JsonNode p = pushes.person(reader, id);
        assertThat(p.get("state").asText()).isEqualTo("suspended");
        assertThat(p.get("onLeave").asBoolean()).isFalse();
        assertThat(timerKinds(p)).containsExactly("deprovision");
    }
}
