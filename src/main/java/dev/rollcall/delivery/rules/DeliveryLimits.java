package dev.rollcall.delivery.rules;

import java.time.Duration;

/**
 * A subscription's own request timeout and maximum attempts; null members follow the server's
 * defaults (ROLLCALL_WEBHOOK_TIMEOUT and the retry schedule's length), so a changed default applies
 * to every subscription that did not choose its own.
 */
public record DeliveryLimits(Duration timeout, Integer maxAttempts) {
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /** The longest a subscription may ask for; the dispatcher's lease is sized for it. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    public static final int MAX_ATTEMPTS = 50;
    public static final DeliveryLimits DEFAULTS = new DeliveryLimits(null, null);

    public DeliveryLimits {
        if (timeout != null && (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            throw new IllegalArgumentException("'timeout' must be from " + MIN_TIMEOUT + " to " + MAX_TIMEOUT + ", got " + timeout);
        }
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS)) {
            throw new IllegalArgumentException("'maxAttempts' must be from 1 to " + MAX_ATTEMPTS + ", got " + maxAttempts);
        }
    }

    public Duration timeoutOr(Duration fallback) {
        return timeout != null ? timeout : fallback;
    }

    public int maxAttemptsOr(int fallback) {
        return maxAttempts != null ? maxAttempts : fallback;
    }
}
