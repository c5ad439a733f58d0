package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.List;

/**
 * A delivery as IT sees it, with its attempts when asked for one. {@code attempts} counts every
 * attempt ever made, across replays ({@code replays} times sent again on request).
 */
public record DeliveryView(String id, String subscriptionId, String eventId, String eventType, String personId,
                           Long personSeq, String status, int attempts, Instant nextAttemptAt, String lastError,
                           Instant createdAt, Instant finishedAt, List<AttemptRecord> attemptLog, int replays) {
}
