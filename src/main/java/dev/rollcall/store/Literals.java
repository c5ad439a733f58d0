package dev.rollcall.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.filter.CompareOp;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.filter.ValueNormalizer;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.AttributeType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Checks that an operator and literal suit an attribute's type, and normalises the literal with
 * the same {@link ValueNormalizer} the indexer applied to stored values.
 */
final class Literals {

    private Literals() {
    }

    static ValueNormalizer.Normalized normalize(String path, AttributeDef def, CompareOp op, JsonNode value) {
        checkOperator(path, def, op);
        if (SqlCompare.isLike(op)) {
            if (!value.isTextual()) {
                throw new FilterException("operator " + name(op) + " on '" + path + "' needs a string value");
            }
            return new ValueNormalizer.Normalized(ValueNormalizer.text(def, value.textValue()), null);
        }
        try {
            return ValueNormalizer.normalize(def, value);
        } catch (IllegalArgumentException wrongType) {
            throw new FilterException("attribute '" + path + "' " + wrongType.getMessage() + ", not " + value);
        }
    }

    /** A dateTime literal as the UTC LocalDateTime the database columns hold. */
    static LocalDateTime utc(String path, AttributeDef def, CompareOp op, JsonNode value) {
        checkOperator(path, def, op);
        if (!value.isTextual()) {
            throw new FilterException("attribute '" + path + "' expects a dateTime string, not " + value);
        }
        try {
            return LocalDateTime.ofInstant(ValueNormalizer.parseDateTime(value.textValue()), ZoneOffset.UTC);
        } catch (IllegalArgumentException wrongType) {
            throw new FilterException("attribute '" + path + "' " + wrongType.getMessage() + ", not " + value);
        }
    }

    private static void checkOperator(String path, AttributeDef def, CompareOp op) {
        AttributeType type = def.type();
        boolean allowed = switch (type) {
            case BOOLEAN -> op == CompareOp.EQ || op == CompareOp.NE;
            case DATE_TIME, INTEGER, DECIMAL -> !SqlCompare.isLike(op);
            case COMPLEX -> false;
            default -> true;
        };
        if (!allowed) {
            throw new FilterException("operator " + name(op) + " is not defined for " + type.wireName() + " attribute '" + path + "'");
        }
    }

    private static String name(CompareOp op) {
        return op.name().toLowerCase(Locale.ROOT);
    }
}
