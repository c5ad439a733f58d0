package dev.rollcall.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.AttributeDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * Checks and coerces one simple (non-complex) SCIM value to its attribute's type. Lenient where
 * real clients are sloppy but the meaning is unambiguous: booleans as {@code "True"}/{@code "false"},
 * numbers as strings, a number where a string is expected (an employee number sent as 12345).
 */
public final class ScalarCoercer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ScalarCoercer() {
    }

    /** The canonical value, or throws invalidValue naming {@code path}. Never called with null. */
    static JsonNode coerce(AttributeDef def, JsonNode value, String path) {
        if (value.isContainerNode()) {
            throw ScimException.invalidValue("Attribute '" + path + "' expects a single " + def.type().wireName()
                    + " value, not a JSON " + (value.isArray() ? "array" : "object") + ".");
        }
        return switch (def.type()) {
            case STRING, REFERENCE -> string(value, def, path);
            case BINARY -> binary(value, def, path);
            case BOOLEAN -> bool(value, path);
            case INTEGER -> integer(value, path);
            case DECIMAL -> decimal(value, path);
            case DATE_TIME -> JSON.textNode(dateTime(value, path));
            case COMPLEX -> throw new IllegalArgumentException("complex attribute " + path);
        };
    }

    /**
     * An xsd:dateTime in canonical form: UTC, ISO-8601 ({@code 2024-05-01T08:00:00Z}). A missing
     * offset is read as UTC, because HR systems send it. A plain date ({@code 2024-05-01}) is kept as
     * that date: which instant it starts depends on the source's time zone, which the lifecycle knows
     * (filters compare it as midnight UTC).
     */
    public static String dateTime(JsonNode value, String path) {
        if (!value.isTextual()) {
            throw ScimException.invalidValue("Attribute '" + path + "' expects a dateTime string.");
        }
        String text = value.asText().trim();
        try {
            return DateTimeFormatter.ISO_INSTANT.format(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return DateTimeFormatter.ISO_INSTANT.format(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException notDate) {
                    throw ScimException.invalidValue("Attribute '" + path + "' is not a valid dateTime: '"
                            + abbreviate(text) + "' (expected ISO-8601, e.g. 2024-05-01T08:00:00Z).");
                }
            }
        }
    }

    /** The instant of a dateTime for comparing: a plain date compares as its midnight UTC. */
    public static Instant instant(JsonNode value, String path) {
        String canonical = dateTime(value, path);
        return canonical.length() == 10 ? LocalDate.parse(canonical).atStartOfDay(ZoneOffset.UTC).toInstant()
                : Instant.parse(canonical);
    }

    /** A boolean from a JSON boolean or the strings true/false in any case. */
    public static JsonNode bool(JsonNode value, String path) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isTextual()) {
            String text = value.asText().trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return JSON.booleanNode(text.equals("true"));
            }
        }
        throw ScimException.invalidValue("Attribute '" + path + "' expects a boolean, got " + describe(value) + ".");
    }

    private static JsonNode string(JsonNode value, AttributeDef def, String path) {
        if (value.isTextual()) {
            return value;
        }
        if (value.isNumber() || value.isBoolean()) {
            return JSON.textNode(value.asText());
        }
        throw ScimException.invalidValue("Attribute '" + path + "' expects a " + def.type().wireName() + ".");
    }

    private static JsonNode binary(JsonNode value, AttributeDef def, String path) {
        JsonNode text = string(value, def, path);
        try {
            Base64.getDecoder().decode(text.asText().replaceAll("\\s", ""));
            return text;
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue("Attribute '" + path + "' expects base64-encoded binary data.");
        }
    }

    private static JsonNode integer(JsonNode value, String path) {
        try {
            if (value.isIntegralNumber()) {
                return value;
            }
            if (value.isNumber()) {
                return JSON.numberNode(value.decimalValue().toBigIntegerExact());
            }
            if (value.isTextual()) {
                return JSON.numberNode(new BigInteger(value.asText().trim()));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the error below
        }
        throw ScimException.invalidValue("Attribute '" + path + "' expects an integer, got " + describe(value) + ".");
    }

    private static JsonNode decimal(JsonNode value, String path) {
        if (value.isNumber()) {
            return value;
        }
        if (value.isTextual()) {
            try {
                return JSON.numberNode(new BigDecimal(value.asText().trim()));
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw ScimException.invalidValue("Attribute '" + path + "' expects a decimal number, got " + describe(value) + ".");
    }

    private static String describe(JsonNode value) {
        return value.isTextual() ? "'" + abbreviate(value.asText()) + "'" : value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** Echo client text in errors, but never a whole document. */
    public static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
