package dev.rollcall.lifecycle;

import static dev.rollcall.events.EventType.PERSON_DEPROVISIONED;
import static dev.rollcall.events.EventType.PERSON_SUSPENDED;
import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.directory.Account;
import dev.rollcall.identity.LifecycleState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several due timers fired in one transaction (in-memory stores): a commit shared, and a failing timer fails alone. */
class GroupedFiringTest {
    private static final long NO_SUCH_PERSON = 999_999;
    private final LifecycleWorld w = new LifecycleWorld();

    private List<Account> terminatedWithNoGrace(int count) {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Account a = w.create(w.hr, "u" + i, employee("W" + i));
            w.replace(w.hr, a, employee("W" + i).inactive().with("terminationReason", "involuntary"));
            accounts.add(a);
        }
        return accounts;
    }

    @Test
    void dueTimersOfSeveralPersonsFireInOneTransaction() {
        List<Account> leavers = terminatedWithNoGrace(10); // each with a DEPROVISION due now
        int commits = w.store.transactor().commits();

        new TimerScheduler(w.store.timers(), w.store.transactor(), w.lifecycle, w.clock, 100, 1).runOnce();

        assertThat(w.store.transactor().commits() - commits).as("one group of ten").isEqualTo(1);
        for (Account a : leavers) {
            assertThat(w.state(a.personId())).isEqualTo(LifecycleState.DEPROVISIONED);
            assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED, PERSON_DEPROVISIONED);
        }
        assertThat(w.store.timers().withStatus("fired")).hasSize(10);
    }

    @Test
    void aFailingTimerRollsBackItsGroupWhoseOtherTimersThenFireOneTransactionEachAndItStaysLeased() {
        List<Account> leavers = terminatedWithNoGrace(6);
        Instant now = w.clock.instant();
        long poison = w.store.timers().schedule(NO_SUCH_PERSON, TimerKind.DEPROVISION, "poison", now, now);
        int rollbacks = w.store.transactor().rollbacks();
        TimerScheduler scheduler = new TimerScheduler(w.store.timers(), w.store.transactor(), w.lifecycle, w.clock, 100, 1);

        assertThatThrownBy(scheduler::runOnce).hasMessageContaining(Long.toString(NO_SUCH_PERSON));

        assertThat(w.store.transactor().rollbacks() - rollbacks).as("the group, then the poison on its own").isEqualTo(2);
        for (Account a : leavers) {
            assertThat(w.state(a.personId())).isEqualTo(LifecycleState.DEPROVISIONED);
            assertThat(w.lifecycleEvents(a.personId())).as("once, the group's work rolled back")
                    .containsExactly(PERSON_SUSPENDED, PERSON_DEPROVISIONED);
        }
        assertThat(w.store.timers().withStatus("fired")).hasSize(6);
        assertThat(w.store.timers().withStatus("pending")).singleElement().satisfies(r -> {
            assertThat(r.timer().pk()).isEqualTo(poison);
            assertThat(r.leaseOwner()).as("retried when its lease runs out, as before").isEqualTo(scheduler.owner());
        });
    }

    @Test
    void groupsFollowPersonKeysKeepAPersonsTimersTogetherInDueOrderAndSpreadASmallBatchOverTheThreads() {
        Instant t = Instant.parse("2026-06-01T00:00:00Z");
        List<Timer> due = List.of(new Timer(1, 30, TimerKind.TERMINATE, null, t), new Timer(2, 10, TimerKind.DEPROVISION, null, t),
                new Timer(3, 20, TimerKind.ACTIVATE, null, t.plusSeconds(5)), new Timer(4, 20, TimerKind.TERMINATE, null, t),
                new Timer(5, 40, TimerKind.DEPROVISION, null, t));

        assertThat(TimerGroups.split(due, 1, 2)).extracting(g -> g.stream().map(Timer::pk).toList())
                .containsExactly(List.of(2L, 4L, 3L), List.of(1L, 5L)); // person 20's two stay together
        assertThat(TimerGroups.split(due, 4, 25)).as("5 timers on 4 threads: one each").hasSize(4);
        assertThat(TimerGroups.split(due, 8, 25)).hasSize(4);
        assertThat(TimerGroups.split(List.of(), 8, 25)).isEmpty();
    }
}
