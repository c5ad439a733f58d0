package dev.rollcall.delivery.rules;

import java.time.Instant;

/**
 * Deletes what the delivery log no longer needs, one bounded window per call in a short transaction of
 * its own: finished deliveries that finished before a point in time, with their attempts, and the
 * snapshots of events from before it that no delivery refers to any more (their last delivery was
 * deleted here, or went with its subscription). Open deliveries (pending, leased, failed) are never
 * touched, however old; event rows stay, since they are the persons' timelines.
 */
public interface DeliveryRetention {
    /** The finished states a sweep walks, each on its own. */
    enum Finished { DELIVERED, DEAD }

    /**
     * Looks at up to {@code window} deliveries in the state after the one numbered {@code after} (0: from
     * the start), in the order they were created, and deletes those that finished before
     * {@code finishedBefore}.
     */
    Pass purge(Finished state, Instant finishedBefore, long after, int window);

    /**
     * Looks at up to {@code window} event snapshots after the event {@code after} ("": from the start), in
     * the order of their events, and deletes those of events from before {@code eventsBefore} that no
     * delivery refers to.
     */
    SnapshotPass purgeSnapshots(Instant eventsBefore, String after, int window);

    /**
     * What one window of deliveries did; {@code next}: the last delivery looked at. {@code done}: nothing
     * after it can have finished before the point in time (the window reached the end, or deliveries
     * created after that point), so this walk may start again from the beginning next time.
     */
    record Pass(int deliveries, long next, boolean done) {
    }

    /** What one window of snapshots did; {@code next} and {@code done} as for deliveries, by event. */
    record SnapshotPass(int snapshots, String next, boolean done) {
    }
}
