package dev.rollcall.app;

import dev.rollcall.lifecycle.GracePolicy;
import dev.rollcall.lifecycle.LifecycleOptions;
import dev.rollcall.lifecycle.HoldThresholds;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.scim.patch.PatchEngine;
import dev.rollcall.scim.resource.ResourceNormalizer;
import dev.rollcall.store.DatabaseTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Rollcall's configuration, read from ROLLCALL_* environment variables and validated up front so
 * that a bad value stops start-up with a message that names the variable.
 */
public record Config(
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        DatabaseTimeouts dbTimeouts,
        Path dataDir,
        String httpHost,
        int httpPort,
        Optional<String> publicUrl,
        Duration httpBodyTimeout,
        int maxBodyBytes,
        int bulkMaxOperations,
        int patchMaxOperations,
        int maxValuesPerAttribute,
        int filterMaxResults,
        int filterMaxCost,
        int authFailureLimit,
        IdentitySettings identity,
        GracePolicy grace,
        LifecycleOptions lifecycle,
        HoldThresholds holds,
        DeliverySettings delivery,
        FormatSettings formats) {

    public static final int DEFAULT_HTTP_PORT = 8080;

    public static Config fromEnvironment(Map<String, String> env) {
        Optional<String> dbUrl = Optional.ofNullable(blankToNull(env.get("ROLLCALL_DB_URL")));
        dbUrl.ifPresent(url -> {
            if (!url.startsWith("jdbc:mariadb:")) {
                throw new ConfigException("ROLLCALL_DB_URL must be a jdbc:mariadb:// URL, got: " + url);
            }
        });
        return new Config(
                dbUrl,
                env.getOrDefault("ROLLCALL_DB_USER", "root"),
                env.getOrDefault("ROLLCALL_DB_PASSWORD", ""),
                intVar(env, "ROLLCALL_DB_POOL_SIZE", 20, 1, 500),
                timeouts(env),
                Path.of(env.getOrDefault("ROLLCALL_DATA_DIR", "data")).toAbsolutePath(),
                env.getOrDefault("ROLLCALL_HTTP_HOST", "127.0.0.1"),
                intVar(env, "ROLLCALL_HTTP_PORT", DEFAULT_HTTP_PORT, 0, 65535),
                PublicUrlSetting.fromEnvironment(env),
                Duration.ofMillis(intVar(env, "ROLLCALL_HTTP_BODY_TIMEOUT_MS", 30_000, 500, 600_000)),
                intVar(env, "ROLLCALL_MAX_BODY_BYTES", 1_048_576, 1024, 64 * 1_048_576),
                intVar(env, "ROLLCALL_BULK_MAX_OPERATIONS", 1000, 1, 100_000),
                intVar(env, "ROLLCALL_PATCH_MAX_OPERATIONS", PatchEngine.DEFAULT_MAX_OPERATIONS, 1, 100_000),
                intVar(env, "ROLLCALL_MAX_VALUES_PER_ATTRIBUTE", ResourceNormalizer.DEFAULT_MAX_VALUES, 1, 100_000),
                intVar(env, "ROLLCALL_FILTER_MAX_RESULTS", 1000, 1, 100_000),
                intVar(env, "ROLLCALL_FILTER_MAX_COST", ScimLimits.DEFAULT_FILTER_MAX_COST, 1, 100_000),
                intVar(env, "ROLLCALL_AUTH_FAILURE_LIMIT", 20, 1, 100_000),
                IdentitySettings.fromEnvironment(env),
                LifecycleSettings.grace(env),
                LifecycleSettings.options(env),
                LifecycleSettings.holds(env),
                DeliverySettings.fromEnvironment(env),
                FormatSettings.fromEnvironment(env));
    }

    /** The database's time limits; the socket timeout defaults to 2 s above the statement limit and must exceed it. */
    private static DatabaseTimeouts timeouts(Map<String, String> env) {
        DatabaseTimeouts d = DatabaseTimeouts.DEFAULTS;
        int statement = intVar(env, "ROLLCALL_DB_STATEMENT_TIMEOUT_MS", (int) d.statement().toMillis(), 100, 600_000);
        int socket = intVar(env, "ROLLCALL_DB_SOCKET_TIMEOUT_MS", statement + 2000, 200, 610_000);
        if (socket <= statement) {
            throw new ConfigException("ROLLCALL_DB_SOCKET_TIMEOUT_MS (" + socket
                    + ") must exceed ROLLCALL_DB_STATEMENT_TIMEOUT_MS (" + statement + ")");
        }
        return new DatabaseTimeouts(
                Duration.ofMillis(intVar(env, "ROLLCALL_DB_CONNECTION_TIMEOUT_MS", (int) d.connection().toMillis(), 250, 60_000)),
                Duration.ofMillis(statement), Duration.ofMillis(socket),
                Duration.ofMillis(intVar(env, "ROLLCALL_DB_HEALTH_TIMEOUT_MS", (int) d.health().toMillis(), 100, 10_000)));
    }

    private static int intVar(Map<String, String> env, String name, int dflt, int min, int max) {
        String raw = blankToNull(env.get(name));
        if (raw == null) {
            return dflt;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", got: " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got: " + raw);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
