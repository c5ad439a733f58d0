package dev.rollcall.lifecycle;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How long a terminated person stays suspended before it is deprovisioned, by termination reason.
 * {@code terminationReason} values fall into three groups (compared case-insensitively, with spaces
 * and hyphens read as underscores): involuntary ({@link #INVOLUNTARY_REASONS}), voluntary
 * ({@link #VOLUNTARY_REASONS}) and everything else (default, which also covers no reason at all).
 */
public record GracePolicy(Duration involuntary, Duration voluntary, Duration fallback) {
    public static final Set<String> INVOLUNTARY_REASONS = Set.of("involuntary", "for_cause", "cause", "dismissal",
            "dismissed", "misconduct", "fired");
    public static final Set<String> VOLUNTARY_REASONS = Set.of("voluntary", "resignation", "resigned", "retirement",
            "retired");

    public GracePolicy {
        requireNonNegative(involuntary, "involuntary");
        requireNonNegative(voluntary, "voluntary");
        requireNonNegative(fallback, "default");
    }

    /** PT0S for involuntary terminations (access ends at once), P14D for voluntary ones, P7D otherwise. */
    public static GracePolicy defaults() {
        return new GracePolicy(Duration.ZERO, Duration.ofDays(14), Duration.ofDays(7));
    }

    /** The grace of a termination with this reason (null: none given). */
    public Duration graceFor(String reason) {
        String key = normalised(reason);
        if (INVOLUNTARY_REASONS.contains(key)) {
            return involuntary;
        }
        if (VOLUNTARY_REASONS.contains(key)) {
            return voluntary;
        }
        return fallback;
    }

    private static String normalised(String reason) {
        return reason == null ? "" : reason.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException("the " + name + " grace period must not be negative, got " + d);
        }
    }
}
