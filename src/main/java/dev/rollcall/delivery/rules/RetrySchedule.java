package dev.rollcall.delivery.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again: the n-th retry waits the n-th delay of the schedule, stretched by a
 * random jitter of up to a fifth so that many deliveries failing together do not come back together.
 * A delivery gets one first attempt plus one retry per entry; after the last it is dead.
 */
public final class RetrySchedule {
    public static final String DEFAULT = "PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H";
    /** The longest Retry-After honoured; a receiver cannot park a delivery for longer. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final List<Duration> delays;

    public RetrySchedule(List<Duration> delays) {
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one delay");
        }
        for (Duration d : delays) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a retry delay must not be negative, got " + d);
            }
        }
        this.delays = List.copyOf(delays);
    }

    /** ISO-8601 durations, comma-separated, e.g. {@code PT5S,PT5M}. */
    public static RetrySchedule parse(String text) {
        List<Duration> out = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                out.add(Duration.parse(part.trim()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not an ISO-8601 duration such as PT5S");
            }
        }
        return new RetrySchedule(out);
    }

    /** How many attempts a delivery gets in all. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    public List<Duration> delays() {
        return delays;
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} failed ones, or empty when that was
     * the last. A Retry-After (429, 503) replaces the scheduled delay, capped at a day.
     */
    public Optional<Duration> nextDelay(int attemptsMade, Optional<Duration> retryAfter, DoubleSupplier random) {
        return nextDelay(attemptsMade, maxAttempts(), retryAfter, random);
    }

    /**
     * The same for a subscription with its own maximum of attempts: past the schedule's end the last
     * delay repeats.
     */
    public Optional<Duration> nextDelay(int attemptsMade, int maxAttempts, Optional<Duration> retryAfter,
                                        DoubleSupplier random) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get();
            return Optional.of(asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked);
        }
        Duration base = delays.get(Math.min(delays.size() - 1, Math.max(0, attemptsMade - 1)));
        long jitterNanos = (long) (base.toNanos() * 0.2 * random.getAsDouble());
        return Optional.of(base.plusNanos(jitterNanos));
    }
}
