package dev.rollcall.delivery.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a subscription that keeps failing is switched off: once every attempt since {@code failingSince}
 * (the first failure after the last success) has failed for {@code disableAfter} (default 5 days).
 */
public final class FailureWatch {
    public static final Duration DEFAULT = Duration.ofDays(5);
    private final Duration disableAfter;

    public FailureWatch(Duration disableAfter) {
        if (disableAfter.isNegative() || disableAfter.isZero()) {
            throw new IllegalArgumentException("the disable-after period must be positive, got " + disableAfter);
        }
        this.disableAfter = disableAfter;
    }

    /** Why to disable the subscription after a failure at {@code at}, or empty to keep it on. */
    public Optional<String> disableReason(Instant failingSince, Instant at) {
        if (failingSince == null || Duration.between(failingSince, at).compareTo(disableAfter) < 0) {
            return Optional.empty();
        }
        return Optional.of("every delivery failed from " + failingSince + " to " + at + " (longer than " + disableAfter
                + ", ROLLCALL_WEBHOOK_DISABLE_AFTER)");
    }

    public Duration disableAfter() {
        return disableAfter;
    }
}
