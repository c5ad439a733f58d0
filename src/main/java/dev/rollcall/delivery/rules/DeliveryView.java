package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.List;

/** A delivery as IT sees it, with its attempts when asked for one. */
public record DeliveryView(String id, String subscriptionId, String eventId, String eventType, String personId,
                           Long personSeq, String status, int attempts, Instant nextAttemptAt, String lastError,
                           Instant createdAt, Instant finishedAt, List<AttemptRecord> attemptLog) {
}
