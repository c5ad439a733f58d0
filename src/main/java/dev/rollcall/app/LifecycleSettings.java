package dev.rollcall.app;

import dev.rollcall.lifecycle.GracePolicy;
import dev.rollcall.lifecycle.LifecycleOptions;
import java.time.DateTimeException;
import dev.rollcall.lifecycle.HoldThresholds;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Lifecycle settings from ROLLCALL_* variables: the grace periods of terminations as ISO-8601
 * durations ({@code PT0S}, {@code PT30S}, {@code P14D}), the manager and CRM transfer graces, the
 * default source time zone and the hold thresholds of the blast-radius breaker. A bad or negative
 * value stops start-up.
 */
final class LifecycleSettings {
    private LifecycleSettings() {
    }

    /** The manager and CRM transfer graces and the default source time zone (an IANA id such as Europe/Berlin). */
    static LifecycleOptions options(Map<String, String> env) {
        LifecycleOptions d = LifecycleOptions.defaults();
        return new LifecycleOptions(duration(env, "ROLLCALL_GRACE_MANAGER_CHANGE", d.managerChangeGrace()),
                duration(env, "ROLLCALL_GRACE_CRM_TRANSFER", d.crmTransferGrace()), zone(env, d.sourceZone()));
    }

    private static ZoneId zone(Map<String, String> env, ZoneId dflt) {
        String raw = env.get("ROLLCALL_SOURCE_TIMEZONE");
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return ZoneId.of(raw.strip());
        } catch (DateTimeException e) {
            throw new ConfigException("ROLLCALL_SOURCE_TIMEZONE must be a time zone id such as UTC or Europe/Berlin, got: "
                    + raw);
        }
    }

    static GracePolicy grace(Map<String, String> env) {
        GracePolicy d = GracePolicy.defaults();
        return new GracePolicy(duration(env, "ROLLCALL_GRACE_INVOLUNTARY", d.involuntary()),
                duration(env, "ROLLCALL_GRACE_VOLUNTARY", d.voluntary()),
                duration(env, "ROLLCALL_GRACE_DEFAULT", d.fallback()));
    }

    /**
     * The hold thresholds: ROLLCALL_HOLD_TERMINATIONS / ROLLCALL_HOLD_MANAGER_CHANGES (whole numbers,
     * default 20), ROLLCALL_HOLD_TERMINATIONS_PERCENT / ROLLCALL_HOLD_MANAGER_CHANGES_PERCENT (0..100,
     * decimals allowed, default 5) and ROLLCALL_HOLD_WINDOW (a positive ISO-8601 duration, default PT1H).
     */
    static HoldThresholds holds(Map<String, String> env) {
        HoldThresholds d = HoldThresholds.defaults();
        Duration window = duration(env, "ROLLCALL_HOLD_WINDOW", d.window());
        if (window.isZero()) {
            throw new ConfigException("ROLLCALL_HOLD_WINDOW must be a positive duration, got: " + env.get("ROLLCALL_HOLD_WINDOW"));
        }
        return new HoldThresholds(count(env, "ROLLCALL_HOLD_TERMINATIONS", d.terminations()),
                percent(env, "ROLLCALL_HOLD_TERMINATIONS_PERCENT", d.terminationsPercent()),
                count(env, "ROLLCALL_HOLD_MANAGER_CHANGES", d.managerChanges()),
                percent(env, "ROLLCALL_HOLD_MANAGER_CHANGES_PERCENT", d.managerChangesPercent()), window);
    }

    private static int count(Map<String, String> env, String name, int dflt) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + " must be a whole number of 0 or more, got: " + raw);
    }

    private static double percent(Map<String, String> env, String name, double dflt) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(raw.strip());
            if (v >= 0 && v <= 100) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + " must be a number from 0 to 100, got: " + raw);
    }

    private static Duration duration(Map<String, String> env, String name, Duration dflt) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        Duration value;
        try {
            value = Duration.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigException(name + " must be an ISO-8601 duration such as PT0S, PT30S or P14D, got: " + raw);
        }
        if (value.isNegative()) {
            throw new ConfigException(name + " must not be negative, got: " + raw);
        }
        return value;
    }
}
