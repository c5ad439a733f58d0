package dev.rollcall.delivery.rules;

import java.time.Instant;

/**
 * One subscription's state for IT: open deliveries (pending, leased or failed) and the oldest one's
 * creation, the failing period, the last success, and the attempts of the last hour with how many
 * were accepted.
 */
public record SubscriptionHealth(String id, String name, boolean enabled, String disabledReason, long pending,
                                 Instant oldestPendingAt, Instant failingSince, Instant lastSuccessAt,
                                 long attemptsLastHour, long successesLastHour) {

    /** Accepted attempts of the last hour over all of them; null without attempts. */
    public Double successRate() {
        return attemptsLastHour == 0 ? null : (double) successesLastHour / attemptsLastHour;
    }
}
