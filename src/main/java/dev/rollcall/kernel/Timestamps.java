package dev.rollcall.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time of a change: the injected clock, truncated to what DATETIME(6) keeps. */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
