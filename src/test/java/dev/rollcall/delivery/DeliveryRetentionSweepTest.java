package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.delivery.rules.DeliveryRetention;
import dev.rollcall.delivery.rules.DeliveryRetention.Finished;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The retention sweep's own rules, against an in-memory port: what it asks for, and when it stops. */
class DeliveryRetentionSweepTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration KEEP = Duration.ofDays(30);

    /** Answers each window with what {@code answer} says, and remembers what was asked. */
    private static final class FakeRetention implements DeliveryRetention {
        record Asked(Finished state, Instant before, long after, int window) {
        }

        final List<Asked> asked = new ArrayList<>();
        private final Function<Asked, Pass> answer;

        FakeRetention(Function<Asked, Pass> answer) {
            this.answer = answer;
        }

        @Override
        public Pass purge(Finished state, Instant finishedBefore, long after, int window) {
            Asked a = new Asked(state, finishedBefore, after, window);
            asked.add(a);
            return answer.apply(a);
        }
    }

    private static final class PurgedCount implements DeliveryObserver {
        final List<Integer> told = new ArrayList<>();

        @Override
        public void attempted(String outcome, Duration attempt, Duration lag) {
        }

        @Override
        public void purged(int deliveries) {
            told.add(deliveries);
        }
    }

    private static DeliveryRetentionSweep sweep(DeliveryRetention retention, DeliveryObserver observer) {
        return new DeliveryRetentionSweep(retention, KEEP, observer, Clock.fixed(NOW, ZoneOffset.UTC), 10);
    }

    @Test
    void eachStateIsWalkedFromTheStartToItsEndWithTheCutoffOfTheInjectedClock() {
        FakeRetention retention = new FakeRetention(a -> a.after() < 20
                ? new DeliveryRetention.Pass(3, 1, a.after() + 10, false) : new DeliveryRetention.Pass(1, 0, a.after() + 5, true));
        PurgedCount observer = new PurgedCount();

        sweep(retention, observer).runOnce();

        assertThat(retention.asked).extracting(FakeRetention.Asked::before).containsOnly(NOW.minus(KEEP));
        assertThat(retention.asked).extracting(FakeRetention.Asked::window).containsOnly(10);
        assertThat(retention.asked).extracting(a -> a.state() + "@" + a.after())
                .containsExactly("DELIVERED@0", "DELIVERED@10", "DELIVERED@20", "DEAD@0", "DEAD@10", "DEAD@20");
        assertThat(observer.told).containsExactly(14);
    }

    @Test
    void aBacklogIsWorkedOffOverSeveralPassesNotInOne() {
        FakeRetention retention = new FakeRetention(a -> new DeliveryRetention.Pass(10, 0, a.after() + 10, false));

        sweep(retention, DeliveryObserver.NONE).runOnce();

        assertThat(retention.asked).hasSize(2 * DeliveryRetentionSweep.MAX_WINDOWS);
    }

    @Test
    void aPassThatDeletesNothingTellsNoOne() {
        PurgedCount observer = new PurgedCount();
        sweep(new FakeRetention(a -> new DeliveryRetention.Pass(0, 0, a.after(), true)), observer).runOnce();
        assertThat(observer.told).isEmpty();
    }

    @Test
    void aRetentionOfNothingOrAnEmptyWindowIsRefused() {
        FakeRetention retention = new FakeRetention(a -> null);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThatThrownBy(() -> new DeliveryRetentionSweep(retention, Duration.ZERO, DeliveryObserver.NONE, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryRetentionSweep(retention, KEEP, DeliveryObserver.NONE, clock, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
