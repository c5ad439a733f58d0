package dev.rollcall.delivery.rules;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * What one HTTP try means for its delivery: 2xx delivered; 410 Gone ends it and disables the
 * subscription; anything else (no answer, 3xx since redirects are not followed, 4xx, 5xx) is retried
 * on the schedule, or after the receiver's Retry-After on 429 and 503, until the attempts run out.
 */
public sealed interface Verdict {

    record Delivered() implements Verdict {
    }

    record Retry(Duration after) implements Verdict {
    }

    record Dead(String reason) implements Verdict {
    }

    record Gone() implements Verdict {
    }

    /** {@code status} is null when no answer came; {@code attemptsMade} counts this try. */
    static Verdict of(Integer status, Optional<Duration> retryAfter, int attemptsMade, int maxAttempts,
                      RetrySchedule schedule, DoubleSupplier random) {
        if (status != null && status >= 200 && status < 300) {
            return new Delivered();
        }
        if (status != null && status == 410) {
            return new Gone();
        }
        Optional<Duration> honoured = status != null && (status == 429 || status == 503) ? retryAfter : Optional.empty();
        return schedule.nextDelay(attemptsMade, maxAttempts, honoured, random).<Verdict>map(Retry::new)
                .orElseGet(() -> new Dead("gave up after " + attemptsMade + " attempts"));
    }

    /** Public entry for the dispatcher (the factory stays next to the cases it decides). */
    final class Judge {
        private final RetrySchedule schedule;
        private final DoubleSupplier random;

        public Judge(RetrySchedule schedule, DoubleSupplier random) {
            this.schedule = schedule;
            this.random = random;
        }

        /** {@code attemptsMade} counts this round's attempts (since the latest replay), this one included. */
        public Verdict judge(Integer status, Optional<Duration> retryAfter, int attemptsMade, DeliveryLimits limits) {
            return Verdict.of(status, retryAfter, attemptsMade, limits.maxAttemptsOr(schedule.maxAttempts()), schedule, random);
        }

        public int defaultMaxAttempts() {
            return schedule.maxAttempts();
        }
    }
}
