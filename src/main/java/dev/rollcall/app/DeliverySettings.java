package dev.rollcall.app;

import dev.rollcall.delivery.rules.Cidr;
import dev.rollcall.delivery.rules.FailureWatch;
import dev.rollcall.delivery.rules.RetrySchedule;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webhook delivery settings from ROLLCALL_* variables: the master key sealing signing secrets, the
 * retry schedule, the SSRF allow-list, the per-request timeout, when a failing subscription is
 * disabled, how long finished deliveries are kept, and whether /metrics is public. The key's bytes are kept here and
 * never printed.
 */
public record DeliverySettings(Optional<byte[]> masterKey, RetrySchedule retrySchedule, List<Cidr> allowlist,
                               Duration requestTimeout, Duration disableAfter, Duration retention, boolean metricsPublic) {
    /** Finished deliveries are kept this long by default: replay and the delivery log reach back a month. */
    static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    static DeliverySettings fromEnvironment(Map<String, String> env) {
        return new DeliverySettings(masterKey(env.get("ROLLCALL_MASTER_KEY")), schedule(env.get("ROLLCALL_WEBHOOK_RETRY_SCHEDULE")),
                allowlist(env.get("ROLLCALL_WEBHOOK_ALLOWLIST")), timeout(env.get("ROLLCALL_WEBHOOK_TIMEOUT")),
                disableAfter(env.get("ROLLCALL_WEBHOOK_DISABLE_AFTER")), retention(env.get("ROLLCALL_DELIVERY_RETENTION")),
                metricsPublic(env.get("ROLLCALL_METRICS_PUBLIC")));
    }

    static Optional<byte[]> masterKey(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ROLLCALL_MASTER_KEY must be base64 (of 32 random bytes)");
        }
        if (key.length != 32) {
            throw new ConfigException("ROLLCALL_MASTER_KEY must be 32 bytes in base64, got " + key.length + " bytes");
        }
        return Optional.of(key);
    }

    private static RetrySchedule schedule(String raw) {
        try {
            return RetrySchedule.parse(raw == null || raw.isBlank() ? RetrySchedule.DEFAULT : raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ROLLCALL_WEBHOOK_RETRY_SCHEDULE: " + e.getMessage());
        }
    }

    private static List<Cidr> allowlist(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ROLLCALL_WEBHOOK_ALLOWLIST: " + e.getMessage());
        }
    }

    private static Duration timeout(String raw) {
        if (raw == null || raw.isBlank()) {
            return Duration.ofSeconds(10);
        }
        try {
            Duration d = Duration.parse(raw.trim());
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new ConfigException("ROLLCALL_WEBHOOK_TIMEOUT must be more than 0 and at most PT5M, got: " + raw);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ConfigException("ROLLCALL_WEBHOOK_TIMEOUT must be an ISO-8601 duration such as PT10S, got: " + raw);
        }
    }

    /** How long a subscription may fail without a success before it is disabled (ISO-8601, default P5D). */
    private static Duration disableAfter(String raw) {
        return positive("ROLLCALL_WEBHOOK_DISABLE_AFTER", raw, FailureWatch.DEFAULT, "P5D");
    }

    /** How long a delivered or dead delivery (and its attempts) is kept after it finished (ISO-8601, default P30D). */
    private static Duration retention(String raw) {
        return positive("ROLLCALL_DELIVERY_RETENTION", raw, DEFAULT_RETENTION, "P30D");
    }

    /** The variable's ISO-8601 duration, which must be above zero; {@code otherwise} when it is unset. */
    private static Duration positive(String variable, String raw, Duration otherwise, String example) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            Duration d = Duration.parse(raw.trim());
            if (d.isNegative() || d.isZero()) {
                throw new ConfigException(variable + " must be a positive duration, got: " + raw);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new ConfigException(variable + " must be an ISO-8601 duration such as " + example + ", got: " + raw);
        }
    }

    /** Whether /metrics answers without a token (for a scraper inside a trusted network); default false. */
    private static boolean metricsPublic(String raw) {
        if (raw == null || raw.isBlank() || raw.trim().equals("false")) {
            return false;
        }
        if (raw.trim().equals("true")) {
            return true;
        }
        throw new ConfigException("ROLLCALL_METRICS_PUBLIC must be true or false, got: " + raw);
    }

    /** Keeps the key out of logs and exception messages. */
    @Override
    public String toString() {
        return "DeliverySettings[masterKey=" + (masterKey.isPresent() ? "set" : "unset") + ", retrySchedule="
                + retrySchedule.delays() + ", allowlist=" + allowlist + ", requestTimeout=" + requestTimeout
                + ", disableAfter=" + disableAfter + ", retention=" + retention + ", metricsPublic=" + metricsPublic + "]";
    }
}
