package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.directory.Account;
import dev.rollcall.events.EventPayload;
import dev.rollcall.events.EventType;
import dev.rollcall.identity.Facts;
import dev.rollcall.identity.LifecycleState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CRM account transfer grace of external personas (in-memory stores; default grace P30D). */
class CrmTransferTest {
    private final LifecycleWorld w = new LifecycleWorld();

    private static Facts contact(String crmAccountId) {
        Facts f = Facts.named("Cleo", "Patra").email("cleo@acme.example");
        return crmAccountId == null ? f : f.with("crmAccountId", crmAccountId);
    }

    private List<CrmPersona> rows(CrmPersona.Status status) {
        return w.store.lifecycleRows().allCrmPersonas().stream().filter(r -> r.status() == status).toList();
    }

    private List<Timer> pending(TimerKind kind) {
        return w.store.timers().withStatus("pending").stream().map(InMemoryTimers.Row::timer)
                .filter(t -> t.kind() == kind).toList();
    }

    @Test
    void aChangedCrmAccountKeepsTheFormerPersonaForTheGraceThenEndsIt() {
        Account c = w.create(w.crm, "cleo@acme", contact("acct-1"));
        assertThat(rows(CrmPersona.Status.CURRENT)).singleElement().satisfies(r -> assertThat(r.crmAccountId()).isEqualTo("acct-1"));

        w.replace(w.crm, c, contact("acct-2"));

        assertThat(rows(CrmPersona.Status.GRACE)).singleElement().satisfies(r -> {
            assertThat(r.crmAccountId()).isEqualTo("acct-1");
            assertThat(r.cause()).isEqualTo("crm_account_changed");
            assertThat(pending(TimerKind.PERSONA_END)).singleElement()
                    .satisfies(t -> assertThat(t.dueAt()).isEqualTo(r.graceUntil()));
        });
        assertThat(rows(CrmPersona.Status.CURRENT)).singleElement().satisfies(r -> assertThat(r.crmAccountId()).isEqualTo("acct-2"));
        EventPayload.PersonaTransferStarted started = w.last(c.personId(), EventPayload.PersonaTransferStarted.class);
        assertThat(started.crmAccountId()).isEqualTo("acct-1");
        assertThat(started.source()).isEqualTo("salesforce");

        w.clock.advance(Duration.ofDays(29));
        w.scheduler.runOnce();
        assertThat(rows(CrmPersona.Status.ENDED)).isEmpty();
        w.clock.advance(Duration.ofDays(1).plusSeconds(1));
        w.scheduler.runOnce();

        assertThat(rows(CrmPersona.Status.ENDED)).singleElement().satisfies(r -> assertThat(r.crmAccountId()).isEqualTo("acct-1"));
        assertThat(w.last(c.personId(), EventPayload.PersonaEnded.class).reason()).isEqualTo("crm_transfer_grace_ended");
        assertThat(pending(TimerKind.PERSONA_END)).isEmpty();
        assertThat(w.state(c.personId())).isEqualTo(LifecycleState.ACTIVE);
    }

    @Test
    void aDeletedContactKeepsItsPersonaForTheGraceAndTheEmployeePersonaIsUntouched() {
        Account hr = w.create(w.hr, "ada", employee("W1").email("ada@corp.example"));
        Account c = w.create(w.crm, "ada@partner", Facts.named("Ada", "Byron").email("ada@corp.example")
                .with("crmAccountId", "acct-1"));
        assertThat(c.personId()).isEqualTo(hr.personId());

        w.delete(w.crm, c);

        assertThat(rows(CrmPersona.Status.GRACE)).singleElement().satisfies(r -> assertThat(r.cause()).isEqualTo("contact_deleted"));
        assertThat(w.state(hr.personId())).isEqualTo(LifecycleState.ACTIVE);
        w.clock.advance(Duration.ofDays(31));
        w.scheduler.runOnce();
        assertThat(w.identity.eventTypesOf(hr.personId())).contains(EventType.PERSONA_ENDED)
                .doesNotContain(EventType.PERSON_SUSPENDED);
        assertThat(w.state(hr.personId())).isEqualTo(LifecycleState.ACTIVE);
    }

    @Test
    void movingBackInsideTheGraceMakesTheFormerPersonaCurrentAgain() {
        Account c = w.create(w.crm, "cleo@acme", contact("acct-1"));
        w.replace(w.crm, c, contact("acct-2"));

        w.replace(w.crm, c, contact("acct-1"));

        assertThat(rows(CrmPersona.Status.CURRENT)).extracting(CrmPersona::crmAccountId).containsExactly("acct-1");
        assertThat(rows(CrmPersona.Status.GRACE)).extracting(CrmPersona::crmAccountId).containsExactly("acct-2");
        assertThat(pending(TimerKind.PERSONA_END)).hasSize(1);
    }

    @Test
    void anUnchangedCrmAccountStartsNoGrace() {
        Account c = w.create(w.crm, "cleo@acme", contact("acct-1"));

        w.replace(w.crm, c, contact("acct-1").with("title", "Buyer"));

        assertThat(rows(CrmPersona.Status.GRACE)).isEmpty();
        assertThat(w.store.timers().all()).isEmpty();
    }
}
