package dev.rollcall.lifecycle;

import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.directory.Account;
import dev.rollcall.events.EventPayload;
import dev.rollcall.events.EventType;
import dev.rollcall.identity.LifecycleState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Future hire and termination dates as timers, moved and removed (in-memory stores). */
class EffectiveDatingTest {
    private final LifecycleWorld w = new LifecycleWorld();

    private Instant in(Duration d) {
        return w.clock.instant().plus(d).truncatedTo(ChronoUnit.SECONDS);
    }

    private List<Timer> pending(TimerKind kind) {
        return w.store.timers().withStatus("pending").stream().map(InMemoryTimers.Row::timer)
                .filter(t -> t.kind() == kind).toList();
    }

    @Test
    void aNewHireWithAFutureStartIsPendingProvisionedAtOnceAndActivatedWhenTheDayComes() {
        Instant start = in(Duration.ofDays(10));

        Account a = w.create(w.hr, "ada", employee("W1").with("hireDate", start.toString()));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.PENDING);
        assertThat(w.identity.eventTypesOf(a.personId())).containsSubsequence(EventType.PERSON_CREATED,
                EventType.PERSON_PROVISIONED);
        assertThat(w.last(a.personId(), EventPayload.PersonProvisioned.class).startsAt()).isEqualTo(start.toString());
        assertThat(pending(TimerKind.ACTIVATE)).singleElement().satisfies(t -> assertThat(t.dueAt()).isEqualTo(start));

        w.clock.advance(Duration.ofDays(9));
        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.PENDING);
        w.clock.advance(Duration.ofDays(1).plusSeconds(1));
        w.scheduler.runOnce();

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.last(a.personId(), EventPayload.PersonActivated.class).reason()).isEqualTo("hire_date");
        assertThat(w.store.timers().withStatus("fired")).hasSize(1);
        assertThat(pending(TimerKind.ACTIVATE)).isEmpty();
    }

    @Test
    void aPlainDateStartsAtMidnightInTheSourcesTimeZone() {
        w.store.lifecycleRows().setZone(w.hr.id(), ZoneId.of("Europe/Berlin"));
        LocalDate day = LocalDate.ofInstant(w.clock.instant(), ZoneId.of("UTC")).plusDays(30);

        Account a = w.create(w.hr, "ada", employee("W1").with("hireDate", day.toString()));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.PENDING);
        assertThat(pending(TimerKind.ACTIVATE)).singleElement().satisfies(t ->
                assertThat(t.dueAt()).isEqualTo(day.atStartOfDay(ZoneId.of("Europe/Berlin")).toInstant()));
    }

    @Test
    void aMovedHireDateMovesTheTimerAndARemovedOneActivatesNow() {
        Account a = w.create(w.hr, "ada", employee("W1").with("hireDate", in(Duration.ofDays(10)).toString()));
        Instant later = in(Duration.ofDays(20));

        w.replace(w.hr, a, employee("W1").with("hireDate", later.toString()));
        assertThat(pending(TimerKind.ACTIVATE)).singleElement().satisfies(t -> assertThat(t.dueAt()).isEqualTo(later));
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.PENDING);

        w.replace(w.hr, a, employee("W1"));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.last(a.personId(), EventPayload.PersonActivated.class).reason()).isEqualTo("hire_date_changed");
        assertThat(pending(TimerKind.ACTIVATE)).isEmpty();
        assertThat(w.store.timers().withStatus("cancelled")).hasSize(2);
    }

    @Test
    void aPastHireDateOrAFutureOneOnAnExistingPersonLeavesItActive() {
        Account past = w.create(w.hr, "ada", employee("W1").with("hireDate", in(Duration.ofDays(-3)).toString()));
        Account existing = w.create(w.hr, "bob", employee("W2"));
        w.clock.advance(Duration.ofSeconds(1));

        w.replace(w.hr, existing, employee("W2").with("hireDate", in(Duration.ofDays(5)).toString()));

        assertThat(w.state(past.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.state(existing.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.store.timers().all()).isEmpty();
    }

    @Test
    void aFutureTerminationDateSuspendsWhenDueWithTheReasonsGrace() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        Instant end = in(Duration.ofDays(5));

        w.replace(w.hr, a, employee("W1").with("terminationDate", end.toString()).with("terminationReason", "resignation"));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(pending(TimerKind.TERMINATE)).singleElement().satisfies(t -> assertThat(t.dueAt()).isEqualTo(end));
        w.clock.advance(Duration.ofDays(5).plusSeconds(1));
        w.scheduler.runOnce();

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);
        var lifecycle = w.identity.lifecycleOf(a.personId()).orElseThrow();
        assertThat(lifecycle.reason()).isEqualTo("resignation");
        assertThat(Duration.between(lifecycle.since(), lifecycle.graceUntil())).isEqualTo(Duration.ofDays(14));
        assertThat(pending(TimerKind.DEPROVISION)).hasSize(1);
        assertThat(pending(TimerKind.TERMINATE)).isEmpty();
    }

    @Test
    void aChangedTerminationDateMovesTheTimerAndARemovedOneCancelsIt() {
        Account a = w.create(w.hr, "ada", employee("W1").with("terminationDate", in(Duration.ofDays(5)).toString()));
        Instant later = in(Duration.ofDays(9));

        w.replace(w.hr, a, employee("W1").with("terminationDate", later.toString()));
        assertThat(pending(TimerKind.TERMINATE)).singleElement().satisfies(t -> assertThat(t.dueAt()).isEqualTo(later));

        w.replace(w.hr, a, employee("W1"));
        assertThat(pending(TimerKind.TERMINATE)).isEmpty();
        w.clock.advance(Duration.ofDays(10));
        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
    }

    @Test
    void aTerminationDateThatHasComeTerminatesNow() {
        Account a = w.create(w.hr, "ada", employee("W1"));

        w.replace(w.hr, a, employee("W1").with("terminationDate", in(Duration.ofDays(-1)).toString()));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(w.last(a.personId(), EventPayload.PersonSuspended.class).reason()).isEqualTo("terminated");
    }

    @Test
    void aPendingHireWhoseOfferIsWithdrawnIsSuspended() {
        Account a = w.create(w.hr, "ada", employee("W1").with("hireDate", in(Duration.ofDays(10)).toString()));

        w.replace(w.hr, a, employee("W1").with("hireDate", in(Duration.ofDays(10)).toString()).inactive());

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);
        assertThat(pending(TimerKind.ACTIVATE)).isEmpty();
        assertThat(pending(TimerKind.DEPROVISION)).hasSize(1);
    }
}
