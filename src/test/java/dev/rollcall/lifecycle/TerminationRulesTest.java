package dev.rollcall.lifecycle;

import static dev.rollcall.events.EventType.PERSON_SUSPENDED;
import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.directory.Account;
import dev.rollcall.directory.DirectoryException;
import dev.rollcall.events.EventPayload;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.Facts;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which pushes suspend a person, with what grace, and which never do (in-memory stores). */
class TerminationRulesTest {
    private final LifecycleWorld w = new LifecycleWorld();

    @Test
    void anHrisDeactivationSuspendsAtOnceAndSchedulesTheDeprovisionAfterTheDefaultGrace() {
        Account a = w.create(w.hr, "ada", employee("W1"));

        w.replace(w.hr, a, employee("W1").inactive());

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);
        var detail = w.identity.lifecycleOf(a.personId()).orElseThrow();
        assertThat(detail.reason()).isEqualTo("terminated");
        assertThat(detail.graceUntil()).isEqualTo(detail.since().plus(LifecycleWorld.DEFAULT_GRACE));
        EventPayload.PersonSuspended suspended = w.last(a.personId(), EventPayload.PersonSuspended.class);
        assertThat(suspended.reason()).isEqualTo("terminated");
        assertThat(Instant.parse(suspended.deprovisionAt())).isEqualTo(detail.graceUntil());
        assertThat(w.store.timers().withStatus("pending")).singleElement().satisfies(t -> {
            assertThat(t.timer().kind()).isEqualTo(TimerKind.DEPROVISION);
            assertThat(t.timer().dueAt()).isEqualTo(detail.graceUntil());
        });
        assertThat(w.identity.eventsOf(a.personId())).filteredOn(e -> e.event().type() == PERSON_SUSPENDED)
                .singleElement().satisfies(e -> assertThat(e.event().announced()).isTrue());
        assertThat(w.identity.audit()).anySatisfy(r -> {
            assertThat(r.record().action()).isEqualTo("person.suspend");
            assertThat(r.record().targetId()).isEqualTo(a.personId());
            assertThat(r.record().actor().correlationId()).isEqualTo("corr-workday");
        });
    }

    @Test
    void employmentStatusTerminatedWithAVoluntaryReasonGetsTheVoluntaryGrace() {
        Account a = w.create(w.hr, "ada", employee("W1"));

        w.replace(w.hr, a, employee("W1").with("employmentStatus", "terminated").with("terminationReason", "Resignation"));

        var detail = w.identity.lifecycleOf(a.personId()).orElseThrow();
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(detail.reason()).isEqualTo("Resignation");
        assertThat(Duration.between(detail.since(), detail.graceUntil())).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void deletingTheHrisAccountSuspendsThePerson() {
        Account a = w.create(w.hr, "ada", employee("W1"));

        w.delete(w.hr, a);

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(w.last(a.personId(), EventPayload.PersonSuspended.class).reason()).isEqualTo("terminated");
    }

    @Test
    void anIdpDeactivationOrDeleteEndsOnlyItsAccountNeverThePerson() {
        Account hr = w.create(w.hr, "ada", employee("W1"));
        Account idp = w.create(w.idp, "ada@okta", Facts.named("Ada", "Byron").employeeNumber("W1"));
        assertThat(idp.personId()).isEqualTo(hr.personId());

        w.replace(w.idp, idp, Facts.named("Ada", "Byron").employeeNumber("W1").inactive());
        w.delete(w.idp, idp);

        assertThat(w.state(hr.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.lifecycleEvents(hr.personId())).isEmpty();
        assertThat(w.store.timers().all()).isEmpty();
    }

    @Test
    void aCrmDeactivationNeverSuspendsEvenAPersonTheCrmCreated() {
        Account contact = w.create(w.crm, "cleo@acme", Facts.named("Cleo", "Patra").email("cleo@acme.example"));

        w.replace(w.crm, contact, Facts.named("Cleo", "Patra").email("cleo@acme.example").inactive());

        assertThat(w.state(contact.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.lifecycleEvents(contact.personId())).isEmpty();
    }

    @Test
    void oneActiveHrRecordOfTheSameWorkerKeepsThePersonEmployed() {
        Account first = w.create(w.hr, "ada", employee("W1"));
        Account second = w.create(w.hr, "ada.byron", employee("W1"));
        assertThat(second.personId()).isEqualTo(first.personId());

        w.replace(w.hr, second, employee("W1").inactive());

        assertThat(w.state(first.personId())).isEqualTo(LifecycleState.ACTIVE);
        w.replace(w.hr, first, employee("W1").inactive());
        assertThat(w.state(first.personId())).isEqualTo(LifecycleState.SUSPENDED);
    }

    @Test
    void anHrisRecordPushedAlreadyInactiveSuspendsItsNewPerson() {
        Account a = w.create(w.hr, "ada", employee("W1").inactive().with("terminationReason", "involuntary"));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);
        var detail = w.identity.lifecycleOf(a.personId()).orElseThrow();
        assertThat(detail.graceUntil()).isEqualTo(detail.since());
    }

    @Test
    void aSecondTerminationPushWhileSuspendedChangesNothing() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.replace(w.hr, a, employee("W1").inactive());

        w.replace(w.hr, a, employee("W1").inactive().with("employmentStatus", "terminated"));

        assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED);
        assertThat(w.store.timers().withStatus("pending")).hasSize(1);
    }

    @Test
    void anOverlongTerminationReasonIsKeptToTwoHundredCharacters() {
        Account a = w.create(w.hr, "ada", employee("W1"));

        w.replace(w.hr, a, employee("W1").inactive().with("terminationReason", "x".repeat(500)));

        assertThat(w.identity.lifecycleOf(a.personId()).orElseThrow().reason()).hasSize(200);
        assertThat(w.store.timers().withStatus("pending")).singleElement()
                .satisfies(t -> assertThat(t.timer().reason()).hasSize(200));
    }

    @Test
    void aFailedPushLeavesNoSuspensionBehind() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.create(w.hr, "taken", employee("W2"));

        assertThatThrownBy(() -> w.accounts.replace(LifecycleWorld.actor(w.hr),
                        "scim.user.replace", w.hr, a.id(), current -> LifecycleWorld.content("taken", employee("W1").inactive())))
                .isInstanceOf(DirectoryException.class);

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.store.timers().all()).isEmpty();
        assertThat(w.lifecycleEvents(a.personId())).isEmpty();
    }
}
