package dev.rollcall.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A subscription's {@code timeout} (ISO-8601 duration such as {@code PT5S}) and {@code maxAttempts}
 * (a whole number) in a request body. Absent: null (unchanged, or the default on create); JSON null:
 * empty (back to the server's default). Their bounds are checked by the registry.
 */
final class LimitFields {
    private LimitFields() {
    }

    static Optional<Duration> timeout(ObjectNode in) {
        JsonNode v = in.get("timeout");
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new AdminException(400, "'timeout' must be an ISO-8601 duration such as PT5S");
        }
        try {
            return Optional.of(Duration.parse(v.asText().trim()));
        } catch (DateTimeParseException e) {
            throw new AdminException(400, "'timeout' must be an ISO-8601 duration such as PT5S, got: " + v.asText());
        }
    }

    static Optional<Integer> maxAttempts(ObjectNode in) {
        JsonNode v = in.get("maxAttempts");
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new AdminException(400, "'maxAttempts' must be a whole number");
        }
        return Optional.of(v.intValue());
    }

    static <T> T orNull(Optional<T> v) {
        return v == null ? null : v.orElse(null);
    }
}
