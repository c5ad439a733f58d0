package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a subscription's deliveries a list or a replay means; null members do not filter.
 * {@code eventType} is an exact type or a prefix wildcard ({@code person.*}); the time range is on
 * when the delivery was created (the change's time), {@code from} inclusive, {@code to} exclusive.
 */
public record DeliveryFilter(String status, String personId, String eventType, Instant from, Instant to) {
    public static final Set<String> STATUSES = Set.of("pending", "leased", "delivered", "failed", "dead");
    /** What a replay may take up: finished deliveries, and failed ones (sent again now, with a fresh round). */
    public static final Set<String> REPLAYABLE = Set.of("delivered", "failed", "dead");
    public static final DeliveryFilter ALL = new DeliveryFilter(null, null, null, null, null);

    public DeliveryFilter {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("'status' must be one of pending, leased, delivered, failed, dead");
        }
        if (eventType != null && (eventType.isBlank() || eventType.indexOf('*') >= 0 && !eventType.endsWith(".*")
                || eventType.indexOf('*') != eventType.lastIndexOf('*'))) {
            throw new IllegalArgumentException("'eventType' must be an event type such as person.created or a wildcard"
                    + " such as person.*");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    /** The prefix of a wildcard type ({@code person.}), or null for an exact one. */
    public String eventTypePrefix() {
        return eventType != null && eventType.endsWith(".*") ? eventType.substring(0, eventType.length() - 1) : null;
    }

    public boolean isEmpty() {
        return status == null && personId == null && eventType == null && from == null && to == null;
    }
}
