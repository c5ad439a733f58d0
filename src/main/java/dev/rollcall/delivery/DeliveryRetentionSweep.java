package dev.rollcall.delivery;

import dev.rollcall.delivery.rules.DeliveryRetention;
import dev.rollcall.delivery.rules.DeliveryRetention.Finished;
import dev.rollcall.kernel.BackgroundTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the delivery log bounded: every minute, deletes the deliveries that were delivered or went dead
 * longer ago than the retention (ROLLCALL_DELIVERY_RETENTION), with their attempts, and then the
 * snapshots of events from before it that nothing refers to any more. Replay and the delivery log reach
 * back as far as the retention; open deliveries are never deleted. Each window is a short transaction,
 * and one pass does at most {@link #MAX_WINDOWS} windows per walk (100,000 rows a minute each), so a
 * backlog (the first pass after an upgrade) is worked off over several passes without holding the
 * database: a walk that did not reach its end goes on from where it stopped in the next pass. Several
 * instances may sweep at once: a delete finds what another already deleted gone.
 */
public final class DeliveryRetentionSweep implements BackgroundTask {
    private static final Logger log = LoggerFactory.getLogger(DeliveryRetentionSweep.class);
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final int WINDOW = 500;
    static final int MAX_WINDOWS = 200;

    private final DeliveryRetention retention;
    private final Duration keep;
    private final DeliveryObserver observer;
    private final Clock clock;
    private final int window;
    /** Where each walk stopped when it did not reach its end (0 or "": from the start). */
    private final Map<Finished, Long> deliveriesAfter = new EnumMap<>(Finished.class);
    private String snapshotsAfter = "";

    public DeliveryRetentionSweep(DeliveryRetention retention, Duration keep, DeliveryObserver observer, Clock clock) {
        this(retention, keep, observer, clock, WINDOW);
    }

    /** {@code window}: rows of one walk looked at per transaction. */
    public DeliveryRetentionSweep(DeliveryRetention retention, Duration keep, DeliveryObserver observer, Clock clock, int window) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("the retention must be positive, got " + keep);
        }
        if (window < 1) {
            throw new IllegalArgumentException("the window must be at least 1, got " + window);
        }
        this.retention = retention;
        this.keep = keep;
        this.observer = observer;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public String name() {
        return "delivery-retention";
    }

    @Override
    public Duration interval() {
        return INTERVAL;
    }

    /** One pass; synchronized because a test (or an operator's command) may run one beside the background thread. */
    @Override
    public synchronized void runOnce() {
        Instant before = clock.instant().minus(keep);
        int deliveries = 0;
        for (Finished state : Finished.values()) {
            long after = deliveriesAfter.getOrDefault(state, 0L);
            boolean done = false;
            for (int i = 0; i < MAX_WINDOWS && !done && !Thread.currentThread().isInterrupted(); i++) {
                DeliveryRetention.Pass pass = retention.purge(state, before, after, window);
                deliveries += pass.deliveries();
                after = pass.next();
                done = pass.done();
            }
            deliveriesAfter.put(state, done ? 0L : after);
        }
        int snapshots = 0;
        boolean done = false;
        for (int i = 0; i < MAX_WINDOWS && !done && !Thread.currentThread().isInterrupted(); i++) {
            DeliveryRetention.SnapshotPass pass = retention.purgeSnapshots(before, snapshotsAfter, window);
            snapshots += pass.snapshots();
            snapshotsAfter = pass.done() ? "" : pass.next();
            done = pass.done();
        }
        if (deliveries > 0) {
            observer.purged(deliveries);
        }
        if (deliveries > 0 || snapshots > 0) {
            log.info("deleted {} deliveries finished before {} (retention {}) and {} event snapshots", deliveries, before,
                    keep, snapshots);
        }
    }
}
