package dev.rollcall.lifecycle;

import static dev.rollcall.events.EventType.PERSON_DEPROVISIONED;
import static dev.rollcall.events.EventType.PERSON_SUSPENDED;
import static dev.rollcall.lifecycle.LifecycleWorld.employee;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.directory.Account;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.kernel.Transactor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Timers fired on several threads (in-memory stores, movable clock): each once, and a stop hands back the rest. */
class ParallelFiringTest {
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
    void aBatchFiredOnSeveralThreadsTransitionsEachPersonOnce() {
        List<Account> leavers = terminatedWithNoGrace(15); // under the default hold threshold (20)
        TimerScheduler scheduler = new TimerScheduler(w.store.timers(), w.store.transactor(), w.lifecycle, w.clock, 4, 3);

        scheduler.runOnce();

        for (Account a : leavers) {
            assertThat(w.state(a.personId())).isEqualTo(LifecycleState.DEPROVISIONED);
            assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED, PERSON_DEPROVISIONED);
        }
        assertThat(w.store.timers().withStatus("fired")).hasSize(15);
        assertThat(w.store.timers().withStatus("pending")).isEmpty();
    }

    @Test
    void aSchedulerStoppedMidBatchFinishesWhatItStartedAndHandsBackTheRestForAnotherToFireAtOnce() throws Exception {
        List<Account> leavers = terminatedWithNoGrace(3);
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch proceed = new CountDownLatch(1);
        Transactor<LifecycleTx> gated = new Transactor<>() {
            @Override
            public <T> T inTransaction(Function<? super LifecycleTx, T> work) {
                started.countDown();
                try {
                    proceed.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return w.store.transactor().inTransaction(work);
            }
        };
        TimerScheduler stopping = new TimerScheduler(w.store.timers(), gated, w.lifecycle, w.clock, 10, 2);
        Thread pass = new Thread(stopping::runOnce, "stopping-scheduler");
        pass.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).as("both firing threads busy").isTrue();

        pass.interrupt(); // what stopping the background work does
        awaitWaitingAgainAfter(pass); // it has seen the interrupt (and stopped the queue) before the two go on
        proceed.countDown();
        pass.join(30_000);

        assertThat(pass.isAlive()).isFalse();
        assertThat(w.store.timers().withStatus("fired")).as("the two started").hasSize(2);
        assertThat(w.store.timers().withStatus("pending")).singleElement()
                .satisfies(r -> assertThat(r.leaseOwner()).as("handed back").isNull());

        w.newScheduler().runOnce(); // another instance, same clock: no need to wait for the lease

        for (Account a : leavers) {
            assertThat(w.lifecycleEvents(a.personId())).containsExactly(PERSON_SUSPENDED, PERSON_DEPROVISIONED);
        }
        assertThat(w.store.timers().withStatus("fired")).hasSize(3);
    }

    /** The interrupt consumed (the flag is cleared only by the thread itself) and the thread waiting again. */
    private static void awaitWaitingAgainAfter(Thread t) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((t.isInterrupted() || t.getState() != Thread.State.WAITING) && System.nanoTime() < end) {
            Thread.sleep(1);
        }
    }
}
