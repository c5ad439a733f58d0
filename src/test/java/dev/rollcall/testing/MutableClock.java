package dev.rollcall.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves forward by hand. It runs with real time plus an offset (so timestamps still
 * advance between requests, as they do in production) and jumps when told to: grace periods and
 * timers can be tested without waiting.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public static MutableClock startingNow() {
        return new MutableClock();
    }

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Jumps to the given instant; time runs on from there. */
    public void set(Instant to) {
        offset.set(Duration.between(Instant.now(), to));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC only");
    }
}
