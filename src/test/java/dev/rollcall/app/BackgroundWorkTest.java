package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.kernel.BackgroundTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    /** Records its passes and, when stopped mid-pass, that it was interrupted. */
    static final class Recording implements BackgroundTask {
        final String name;
        final List<String> log;
        final CountDownLatch ran = new CountDownLatch(1);
        final AtomicInteger passes = new AtomicInteger();
        final boolean failing;

        Recording(String name, List<String> log, boolean failing) {
            this.name = name;
            this.log = log;
            this.failing = failing;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Duration interval() {
            return Duration.ofMillis(5);
        }

        @Override
        public void runOnce() {
            passes.incrementAndGet();
            ran.countDown();
            if (failing) {
                throw new IllegalStateException("a bad pass");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                log.add("stopped " + name);
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void tasksRunAfterStartAndStopInReverseOrderOfRegistration() throws InterruptedException {
        List<String> log = new CopyOnWriteArrayList<>();
        Recording first = new Recording("first", log, false);
        Recording second = new Recording("second", log, false);
        BackgroundWork work = new BackgroundWork();
        work.register(first);
        work.register(second);
        assertThat(work.names()).containsExactly("first", "second");
        assertThat(first.passes.get()).isZero();
        work.start();
        assertThat(first.ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.ran.await(5, TimeUnit.SECONDS)).isTrue();
        work.close();
        assertThat(log).containsExactly("stopped second", "stopped first");
        int after = first.passes.get();
        Thread.sleep(30);
        assertThat(first.passes.get()).isEqualTo(after);
    }

    @Test
    void aFailingPassIsRetriedOnTheNextInterval() throws InterruptedException {
        Recording failing = new Recording("failing", new CopyOnWriteArrayList<>(), true);
        BackgroundWork work = new BackgroundWork();
        work.register(failing);
        work.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (failing.passes.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        work.close();
        assertThat(failing.passes.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void nothingCanBeRegisteredOnceRunning() {
        BackgroundWork work = new BackgroundWork();
        work.start();
        try {
            assertThatThrownBy(() -> work.register(new Recording("late", List.of(), false)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("late");
        } finally {
            work.close();
        }
    }
}
