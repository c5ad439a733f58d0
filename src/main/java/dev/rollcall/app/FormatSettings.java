package dev.rollcall.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Delivery format settings from ROLLCALL_* variables: how long a rotated webhook secret keeps signing
 * (ROLLCALL_SECRET_OVERLAP, default PT24H) and how long a retired server signing key stays in the JWKS
 * (ROLLCALL_SIGNING_KEY_OVERLAP, default P7D), and the {@code iss} of Security Event Tokens
 * (ROLLCALL_SET_ISSUER, default ROLLCALL_PUBLIC_URL, else {@code urn:rollcall}).
 */
public record FormatSettings(Duration secretOverlap, Duration signingKeyOverlap, String setIssuer) {

    static FormatSettings fromEnvironment(Map<String, String> env) {
        return new FormatSettings(duration(env, "ROLLCALL_SECRET_OVERLAP", Duration.ofHours(24)),
                duration(env, "ROLLCALL_SIGNING_KEY_OVERLAP", Duration.ofDays(7)), issuer(env));
    }

    private static String issuer(Map<String, String> env) {
        for (String name : new String[] {"ROLLCALL_SET_ISSUER", PublicUrlSetting.VARIABLE}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return "urn:rollcall";
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        Duration d;
        try {
            d = Duration.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(name + " must be an ISO-8601 duration such as PT24H, got: " + raw);
        }
        if (d.isNegative() || d.compareTo(Duration.ofDays(30)) > 0) {
            throw new ConfigException(name + " must be between PT0S and P30D, got: " + raw);
        }
        return d;
    }
}
