package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.List;

/** Reads for the integrations' health and the metrics gauges. */
public interface HealthQueries {
    /** Every subscription in creation order; "the last hour" ends at {@code now}. */
    List<SubscriptionHealth> subscriptions(Instant now);

    /** Deliveries not yet delivered or dead (the outbox's depth). */
    long outboxDepth();

    /** Lifecycle timers pending and due at {@code now}. */
    long timersDue(Instant now);
}
