package dev.rollcall.lifecycle;

import static dev.rollcall.events.EventType.PERSON_DEPROVISIONED;
import static dev.rollcall.events.EventType.PERSON_REACTIVATED;
import static dev.rollcall.events.EventType.PERSON_SUSPENDED;
import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.directory.Account;
import dev.rollcall.events.Actor;
import dev.rollcall.events.EventPayload;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.kernel.Transactor;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The deprovision timer, rescind inside the grace and rehire after it (in-memory stores, movable clock). */
class TimersAndReturnsTest {
    private final LifecycleWorld w = new LifecycleWorld();

    private Account terminated(String workerId, String reason) {
        Account a = w.create(w.hr, "u" + workerId, employee(workerId));
        w.replace(w.hr, a, reason == null ? employee(workerId).inactive()
                : employee(workerId).inactive().with("terminationReason", reason));
        return a;
    }

    @Test
    void theDeprovisionFiresOnlyOnceTheGraceHasRunOut() {
        Account a = terminated("W1", null);

        w.clock.advance(Duration.ofDays(6));
        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.SUSPENDED);

        w.clock.advance(Duration.ofDays(1).plusSeconds(1));
        w.scheduler.runOnce();
        w.scheduler.runOnce();

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.DEPROVISIONED);
        assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED, PERSON_DEPROVISIONED);
        assertThat(w.last(a.personId(), EventPayload.PersonDeprovisioned.class).reason()).isEqualTo("terminated");
        assertThat(w.store.timers().withStatus("fired")).hasSize(1);
        assertThat(w.identity.lifecycleOf(a.personId()).orElseThrow().graceUntil()).isNull();
        assertThat(w.identity.audit()).anySatisfy(r -> {
            assertThat(r.record().action()).isEqualTo("person.deprovision");
            assertThat(r.record().actor().name()).isEqualTo("lifecycle:timer");
        });
    }

    @Test
    void anInvoluntaryTerminationWithNoGraceDeprovisionsOnTheNextPass() {
        Account a = terminated("W1", "involuntary");

        w.scheduler.runOnce();

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.DEPROVISIONED);
    }

    @Test
    void aRescindInsideTheGraceRestoresThePersonAndCancelsTheDeprovision() {
        Account a = terminated("W1", null);
        w.clock.advance(Duration.ofDays(2));

        w.replace(w.hr, a, employee("W1"));

        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        EventPayload.PersonReactivated r = w.last(a.personId(), EventPayload.PersonReactivated.class);
        assertThat(r.reason()).isEqualTo("rescinded");
        assertThat(r.previousState()).isEqualTo("suspended");
        assertThat(w.store.timers().withStatus("pending")).isEmpty();
        assertThat(w.store.timers().withStatus("cancelled")).hasSize(1);

        w.clock.advance(Duration.ofDays(30));
        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED, PERSON_REACTIVATED);
    }

    @Test
    void aReturnUnderTheSameWorkerIdAfterDeprovisioningIsARehireOfTheSamePerson() {
        Account a = w.create(w.hr, "ada", employee("W1"));
        w.delete(w.hr, a);
        w.clock.advance(Duration.ofDays(8));
        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.DEPROVISIONED);

        Account back = w.create(w.hr, "ada.again", employee("W1"));

        assertThat(back.personId()).isEqualTo(a.personId());
        assertThat(w.state(a.personId())).isEqualTo(LifecycleState.ACTIVE);
        EventPayload.PersonReactivated r = w.last(a.personId(), EventPayload.PersonReactivated.class);
        assertThat(r.reason()).isEqualTo("rehire");
        assertThat(r.previousState()).isEqualTo("deprovisioned");
        assertThat(w.identity.lifecycleOf(a.personId()).orElseThrow().reason()).isEqualTo("rehire");
    }

    @Test
    void aTimerLeasedByAnotherSchedulerIsLeftToItUntilTheLeaseRunsOut() {
        Account a = terminated("W1", "involuntary");
        Instant now = w.clock.instant();
        assertThat(w.store.timers().claimDue(now, "other-instance", now.plus(TimerScheduler.LEASE), 10)).hasSize(1);

        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).as("leased elsewhere").isEqualTo(LifecycleState.SUSPENDED);

        w.clock.advance(TimerScheduler.LEASE.plusSeconds(1));
        w.scheduler.runOnce();
        assertThat(w.state(a.personId())).as("the other instance died: its lease ran out").isEqualTo(LifecycleState.DEPROVISIONED);
        assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED, PERSON_DEPROVISIONED);
    }

    @Test
    void aTimerWhosePersonWasReactivatedBeforeItFiredIsCancelledWithoutAnEvent() {
        Account a = terminated("W1", "involuntary");
        Instant now = w.clock.instant();
        var claimed = w.store.timers().claimDue(now, "me", now.plus(TimerScheduler.LEASE), 10).get(0);
        // the person is made active again without the timer being cancelled (e.g. by a future admin action)
        w.store.transactor().inTransaction(tx -> {
            tx.persons().changeState(claimed.personPk(), LifecycleState.ACTIVE, "test", now, null);
            return null;
        });

        boolean fired = w.store.transactor().inTransaction(tx -> w.lifecycle.fire(tx, claimed, "me",
                Actor.of("lifecycle:timer"), now));

        assertThat(fired).isFalse();
        assertThat(w.store.timers().withStatus("cancelled")).hasSize(1);
        assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED);
    }

    @Test
    void aTimerOfAPersonMergedAwayIsCancelledWithoutAnEvent() {
        Account a = terminated("W1", "involuntary");
        Account other = w.create(w.hr, "other", employee("W2"));
        Instant now = w.clock.instant();
        long survivor = w.identity.person(other.personId()).orElseThrow().pk();
        w.store.transactor().inTransaction(tx -> {
            tx.persons().markMerged(w.identity.person(a.personId()).orElseThrow().pk(), survivor, now);
            return null;
        });

        w.scheduler.runOnce();

        assertThat(w.store.timers().withStatus("cancelled")).hasSize(1);
        assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED);
    }

    @Test
    void aTimerThatFailsToFireIsRetriedAfterItsLeaseWhileTheOthersFire() {
        Account first = terminated("W1", "involuntary");
        Account second = terminated("W2", "involuntary");
        AtomicBoolean failOnce = new AtomicBoolean(true);
        Transactor<LifecycleTx> flaky = new Transactor<>() {
            @Override
            public <T> T inTransaction(Function<? super LifecycleTx, T> work) {
                return w.store.transactor().inTransaction(tx -> {
                    T result = work.apply(tx);
                    if (failOnce.getAndSet(false)) {
                        throw new IllegalStateException("database went away");
                    }
                    return result;
                });
            }
        };
        TimerScheduler scheduler = new TimerScheduler(w.store.timers(), flaky, w.lifecycle, w.clock);

        assertThatThrownBy(scheduler::runOnce).hasMessage("database went away");
        // the two fire on parallel threads: whichever committed first failed
        Account failed = w.state(first.personId()) == LifecycleState.SUSPENDED ? first : second;
        Account fired = failed == first ? second : first;
        assertThat(w.state(failed.personId())).as("rolled back").isEqualTo(LifecycleState.SUSPENDED);
        assertThat(w.state(fired.personId())).isEqualTo(LifecycleState.DEPROVISIONED);

        scheduler.runOnce();
        assertThat(w.state(failed.personId())).as("still leased").isEqualTo(LifecycleState.SUSPENDED);
        w.clock.advance(TimerScheduler.LEASE.plusSeconds(1));
        scheduler.runOnce();
        assertThat(w.state(failed.personId())).isEqualTo(LifecycleState.DEPROVISIONED);
        assertThat(w.lifecycleEvents(failed.personId())).containsExactly(PERSON_SUSPENDED, PERSON_DEPROVISIONED);
        assertThat(w.lifecycleEvents(fired.personId())).containsExactly(PERSON_SUSPENDED, PERSON_DEPROVISIONED);
    }
}
