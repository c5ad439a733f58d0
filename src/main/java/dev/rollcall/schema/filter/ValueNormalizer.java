package dev.rollcall.schema.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.AttributeDef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The one normalisation applied both to stored values (by {@link ValueIndexer}) and to filter
 * literals (by the SQL compiler), so that comparing normalised forms answers the SCIM question:
 * <ul>
 *   <li>strings, references, binary: lower-cased with {@link Locale#ROOT} unless caseExact;</li>
 *   <li>booleans: {@code "true"}/{@code "false"};</li>
 *   <li>dateTime: UTC, ISO-8601 with exactly nine fraction digits, so string order is time order;</li>
 *   <li>integer/decimal: {@code num} plus its plain text in {@code val}.</li>
 * </ul>
 * Every {@code val} is cut to {@link #MAX_LENGTH} code points (the width of the index column). A
 * literal is cut the same way, so {@code eq} with a longer literal matches every value sharing its
 * first 512 characters, and {@code co}/{@code ew} cannot see text past them.
 */
public final class ValueNormalizer {
    public static final int MAX_LENGTH = 512;
    private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT);
    // DECIMAL(38, 9): 29 digits before the point, 9 after.
    private static final int NUM_SCALE = 9;
    private static final int NUM_INTEGER_DIGITS = 29;

    private ValueNormalizer() {
    }

    /** A normalised value: {@code num} is set for numbers only. */
    public record Normalized(String val, BigDecimal num) {
    }

    /**
     * Normalises a JSON value of a simple attribute.
     *
     * @throws IllegalArgumentException when the value does not fit the attribute's type
     */
    public static Normalized normalize(AttributeDef def, JsonNode value) {
        switch (def.type()) {
            case STRING, REFERENCE, BINARY -> {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("expects a string");
                }
                return new Normalized(text(def, value.textValue()), null);
            }
            case BOOLEAN -> {
                return new Normalized(Boolean.toString(bool(value)), null);
            }
            case DATE_TIME -> {
                if (!value.isTextual()) {
                    throw new IllegalArgumentException("expects a dateTime string");
                }
                return new Normalized(dateTimeText(parseDateTime(value.textValue())), null);
            }
            case INTEGER, DECIMAL -> {
                BigDecimal n = number(value);
                return new Normalized(truncate(n.toPlainString()), n);
            }
            default -> throw new IllegalArgumentException("is complex and has no single value");
        }
    }

    /** Case folding (unless caseExact) and truncation of a string value or literal. */
    public static String text(AttributeDef def, String value) {
        return truncate(def.caseExact() ? value : value.toLowerCase(Locale.ROOT));
    }

    static String truncate(String s) {
        if (s.codePointCount(0, s.length()) <= MAX_LENGTH) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH));
    }

    private static boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        // Clients habitually send "True"/"false" as strings; anything else is not a boolean.
        if (value.isTextual() && (value.textValue().equalsIgnoreCase("true") || value.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.textValue().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("expects a boolean");
    }

    private static BigDecimal number(JsonNode value) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException("expects a number");
        }
        BigDecimal n = value.decimalValue().stripTrailingZeros();
        if (n.scale() > NUM_SCALE) {
            n = n.setScale(NUM_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        if (n.precision() - n.scale() > NUM_INTEGER_DIGITS) {
            throw new IllegalArgumentException("is out of the supported numeric range");
        }
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    /**
     * Parses an xsd:dateTime as SCIM sends it: with an offset or 'Z'; without one it is taken as UTC,
     * and a bare date as its midnight UTC (HR systems send hire dates that way).
     */
    public static Instant parseDateTime(String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException local) {
                try {
                    instant = LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException date) {
                    throw new IllegalArgumentException("expects a dateTime such as 2011-05-13T04:42:34Z");
                }
            }
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("has a year outside 0000-9999");
        }
        return instant;
    }

    /** The fixed-width UTC text of an instant, ordered like time. */
    public static String dateTimeText(Instant instant) {
        return UTC_TEXT.format(instant.atOffset(ZoneOffset.UTC));
    }
}
