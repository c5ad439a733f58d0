package dev.rollcall.store;

import dev.rollcall.schema.filter.CompareOp;
import org.jooq.Condition;
import org.jooq.Field;

/** Comparison operators as jOOQ conditions (bind values only) and, for constants, in Java. */
final class SqlCompare {
    private static final char LIKE_ESCAPE = '!';

    private SqlCompare() {
    }

    static boolean isLike(CompareOp op) {
        return op == CompareOp.CO || op == CompareOp.SW || op == CompareOp.EW;
    }

    /** eq/ne/gt/ge/lt/le; co/sw/ew go through {@link #like}. */
    static <T> Condition compare(Field<T> field, CompareOp op, T value) {
        return switch (op) {
            case EQ -> field.eq(value);
            case NE -> field.ne(value);
            case GT -> field.gt(value);
            case GE -> field.ge(value);
            case LT -> field.lt(value);
            case LE -> field.le(value);
            case CO, SW, EW -> throw new IllegalArgumentException(op + " is a LIKE operator");
        };
    }

    /** co/sw/ew as LIKE with the literal's own wildcards escaped, so "%" in a filter means "%". */
    static Condition like(Field<String> field, CompareOp op, String value) {
        String escaped = escapeLike(value);
        return switch (op) {
            case CO -> field.like("%" + escaped + "%", LIKE_ESCAPE);
            case SW -> field.like(escaped + "%", LIKE_ESCAPE);
            case EW -> field.like("%" + escaped, LIKE_ESCAPE);
            default -> throw new IllegalArgumentException(op + " is not a LIKE operator");
        };
    }

    static String escapeLike(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || c == '_' || c == '\\' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The operator applied in Java, for attributes whose value is a known constant. */
    static boolean evaluate(String actual, CompareOp op, String literal) {
        return switch (op) {
            case EQ -> actual.equals(literal);
            case NE -> !actual.equals(literal);
            case CO -> actual.contains(literal);
            case SW -> actual.startsWith(literal);
            case EW -> actual.endsWith(literal);
            case GT -> actual.compareTo(literal) > 0;
            case GE -> actual.compareTo(literal) >= 0;
            case LT -> actual.compareTo(literal) < 0;
            case LE -> actual.compareTo(literal) <= 0;
        };
    }
}
