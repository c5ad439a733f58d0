package dev.rollcall.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * When a source's burst opens a hold: per kind, an absolute count and a percentage of the source's
 * active persons, over a sliding window. A push is held once the window's count (with it) exceeds
 * the absolute threshold AND that percentage, so that a small source is governed by the absolute
 * number and a large one by its share (20 terminations in an hour at a 50,000-person HRIS is
 * routine; 20 at a 60-person one is a third of the company and already over 5%).
 */
public record HoldThresholds(int terminations, double terminationsPercent, int managerChanges,
                             double managerChangesPercent, Duration window) {

    public HoldThresholds {
        if (terminations < 0 || managerChanges < 0) {
            throw new IllegalArgumentException("hold thresholds must not be negative");
        }
        if (terminationsPercent < 0 || terminationsPercent > 100 || managerChangesPercent < 0
                || managerChangesPercent > 100) {
            throw new IllegalArgumentException("hold percentages must be from 0 to 100");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the hold window must be positive, got " + window);
        }
    }

    /** 20 and 5% per hour, for terminations and for manager changes alike. */
    public static HoldThresholds defaults() {
        return new HoldThresholds(20, 5, 20, 5, Duration.ofHours(1));
    }

    public int absolute(ChangeKind kind) {
        return kind == ChangeKind.TERMINATION ? terminations : managerChanges;
    }

    public double percent(ChangeKind kind) {
        return kind == ChangeKind.TERMINATION ? terminationsPercent : managerChangesPercent;
    }

    /** Whether the absolute threshold alone lets {@code count} through (then the percentage need not be read). */
    public boolean withinAbsolute(ChangeKind kind, int count) {
        return count <= absolute(kind);
    }

    /** Whether {@code count} pushes of this kind in the window, among {@code activePersons}, open a hold. */
    public boolean exceeded(ChangeKind kind, int count, int activePersons) {
        return count > absolute(kind) && count > percent(kind) * activePersons / 100.0;
    }

    /** Why a hold opened, for IT. */
    public String describe(ChangeKind kind, int count, int activePersons) {
        return count + " " + kind.wireName().replace('_', ' ') + "s in " + window + " (threshold " + absolute(kind)
                + " and " + percent(kind) + "% of " + activePersons + " active persons)";
    }
}
