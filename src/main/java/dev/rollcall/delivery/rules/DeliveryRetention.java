package dev.rollcall.delivery.rules;

import java.time.Instant;

/**
 * Deletes finished deliveries that finished before a point in time, with their attempts and the event
 * snapshots no remaining delivery needs, one bounded window per call in a short transaction of its
 * own. Open deliveries (pending, leased, failed) are never touched, however old; event rows stay,
 * since they are the persons' timelines.
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
     * What one window did; {@code next}: the last delivery looked at. {@code done}: nothing after it can
     * have finished before the point in time (the window reached the end, or deliveries created after
     * that point), so the sweep of this state may stop.
     */
    record Pass(int deliveries, int snapshots, long next, boolean done) {
    }
}
