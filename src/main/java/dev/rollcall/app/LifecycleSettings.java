package dev.rollcall.app;

import dev.rollcall.lifecycle.GracePolicy;
import dev.rollcall.lifecycle.LifecycleOptions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Lifecycle settings from ROLLCALL_* variables: the grace periods of terminations as ISO-8601
 * durations ({@code PT0S}, {@code PT30S}, {@code P14D}), the manager and CRM transfer graces and the
 * default source time zone. A bad or negative value stops start-up.
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
