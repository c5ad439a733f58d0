package dev.rollcall.app;

import dev.rollcall.lifecycle.GracePolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Lifecycle settings from ROLLCALL_* variables: the grace periods of terminations as ISO-8601
 * durations ({@code PT0S}, {@code PT30S}, {@code P14D}). A bad or negative value stops start-up.
 */
final class LifecycleSettings {
    private LifecycleSettings() {
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
