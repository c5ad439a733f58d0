package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.delivery.rules.DeliveryRetention;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/** The retention sweep's own rules, against an in-memory port: what it asks for, and when it stops and resumes. */
class DeliveryRetentionSweepTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration KEEP = Duration.ofDays(30);

    /**
     * Walks of numbered rows, 10 per window, each window deleting 3 deliveries or 2 snapshots; a walk ends
     * where {@code endsAt} says. Remembers what was asked.
     */
    private static final class FakeRetention implements DeliveryRetention {
        final List<String> asked = new ArrayList<>();
        final List<Instant> cutoffs = new ArrayList<>();
        private final LongPredicate endsAt;

        FakeRetention(LongPredicate endsAt) {
            this.endsAt = endsAt;
        }

        @Override
        public Pass purge(Finished state, Instant finishedBefore, long after, int window) {
            asked.add(state + "@" + after);
            cutoffs.add(finishedBefore);
            return new Pass(3, after + window, endsAt.test(after + window));
        }

        @Override
        public SnapshotPass purgeSnapshots(Instant eventsBefore, String after, int window) {
            asked.add("SNAPSHOTS@" + after);
            cutoffs.add(eventsBefore);
            long next = (after.isEmpty() ? 0 : Long.parseLong(after)) + window;
            return new SnapshotPass(2, Long.toString(next), endsAt.test(next));
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
    void eachWalkGoesFromTheStartToItsEndWithTheCutoffOfTheInjectedClock() {
        FakeRetention retention = new FakeRetention(next -> next >= 30);
        PurgedCount observer = new PurgedCount();

        sweep(retention, observer).runOnce();

        assertThat(retention.cutoffs).containsOnly(NOW.minus(KEEP));
        assertThat(retention.asked).containsExactly("DELIVERED@0", "DELIVERED@10", "DELIVERED@20", "DEAD@0", "DEAD@10",
                "DEAD@20", "SNAPSHOTS@", "SNAPSHOTS@10", "SNAPSHOTS@20");
        assertThat(observer.told).containsExactly(18);
    }

    @Test
    void aBacklogIsWorkedOffOverSeveralPassesEachGoingOnWhereTheLastStopped() {
        int cap = DeliveryRetentionSweep.MAX_WINDOWS;
        FakeRetention retention = new FakeRetention(next -> next >= 10L * (cap + 2));
        DeliveryRetentionSweep sweep = sweep(retention, DeliveryObserver.NONE);

        sweep.runOnce();
        assertThat(retention.asked).hasSize(3 * cap);
        retention.asked.clear();
        sweep.runOnce();
        assertThat(retention.asked).containsExactly("DELIVERED@" + 10 * cap, "DELIVERED@" + 10 * (cap + 1),
                "DEAD@" + 10 * cap, "DEAD@" + 10 * (cap + 1), "SNAPSHOTS@" + 10 * cap, "SNAPSHOTS@" + 10 * (cap + 1));
        retention.asked.clear();
        sweep.runOnce();
        assertThat(retention.asked).as("a walk that reached its end starts again from the beginning")
                .startsWith("DELIVERED@0");
    }

    @Test
    void aPassThatDeletesNoDeliveryTellsTheMetricsNothing() {
        PurgedCount observer = new PurgedCount();
        DeliveryRetention nothing = new DeliveryRetention() {
            @Override
            public Pass purge(Finished state, Instant finishedBefore, long after, int window) {
                return new Pass(0, after, true);
            }

            @Override
            public SnapshotPass purgeSnapshots(Instant eventsBefore, String after, int window) {
                return new SnapshotPass(0, after, true);
            }
        };
        sweep(nothing, observer).runOnce();
        assertThat(observer.told).isEmpty();
    }

    @Test
    void aRetentionOfNothingOrAnEmptyWindowIsRefused() {
        FakeRetention retention = new FakeRetention(next -> true);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThatThrownBy(() -> new DeliveryRetentionSweep(retention, Duration.ZERO, DeliveryObserver.NONE, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryRetentionSweep(retention, KEEP, DeliveryObserver.NONE, clock, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
