package dev.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.CompareOp;
import dev.rollcall.schema.filter.Filter;
import dev.rollcall.scim.resource.JsonKeys;
import dev.rollcall.scim.resource.ScalarCoercer;
import dev.rollcall.schema.AttributeDef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates the filter of a PATCH value path ({@code emails[type eq "work"]}) on the elements of that
 * one multi-valued attribute, in memory. This is not list filtering (that is compiled to SQL): it only
 * ever sees the few values of one attribute of one resource.
 *
 * <p>Semantics: strings compare by the sub-attribute's {@code caseExact}; numbers numerically;
 * dateTimes as instants; booleans only with eq/ne. An unassigned sub-attribute matches only
 * {@code ne} (and {@code eq null}).
 */
final class ValueFilterMatcher {

    /**
     * Checks that every attribute in the filter is a sub-attribute of {@code attr}.
     *
     * @throws ScimException invalidPath for an unknown or nested sub-attribute or a nested value path;
     *                       invalidFilter for an operator or literal that does not fit the sub-attribute's
     *                       type (checked here so that the error does not depend on the stored data)
     */
    void validate(AttributeDef attr, Filter filter) {
        if (filter instanceof Filter.Compare c) {
            checkComparable(subDef(attr, c.path()), c.op(), c.value());
        } else if (filter instanceof Filter.Present p) {
            subDef(attr, p.path());
        } else if (filter instanceof Filter.And a) {
            validate(attr, a.left());
            validate(attr, a.right());
        } else if (filter instanceof Filter.Or o) {
            validate(attr, o.left());
            validate(attr, o.right());
        } else if (filter instanceof Filter.Not n) {
            validate(attr, n.inner());
        } else {
            throw ScimException.invalidPath("Value filters cannot be nested.");
        }
    }

    /**
     * Whether one element of multi-valued {@code attr} matches.
     *
     * @throws ScimException invalidFilter for an operator that does not apply to the sub-attribute's type
     */
    boolean matches(AttributeDef attr, Filter filter, JsonNode element) {
        if (filter instanceof Filter.Compare c) {
            return compare(subDef(attr, c.path()), c.op(), c.value(), valueOf(attr, c.path(), element));
        }
        if (filter instanceof Filter.Present p) {
            return present(valueOf(attr, p.path(), element));
        }
        if (filter instanceof Filter.And a) {
            return matches(attr, a.left(), element) && matches(attr, a.right(), element);
        }
        if (filter instanceof Filter.Or o) {
            return matches(attr, o.left(), element) || matches(attr, o.right(), element);
        }
        if (filter instanceof Filter.Not n) {
            return !matches(attr, n.inner(), element);
        }
        throw ScimException.invalidPath("Value filters cannot be nested.");
    }

    /**
     * The element a filter describes when it is only {@code eq} comparisons joined by {@code and}
     * ({@code type eq "work"} gives {@code {"type":"work"}}); used to create the element that an add
     * through {@code emails[type eq "work"].value} targets when none exists yet, as Entra expects.
     */
    Optional<ObjectNode> template(AttributeDef attr, Filter filter) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        return collectEqualities(attr, filter, out) ? Optional.of(out) : Optional.empty();
    }

    private boolean collectEqualities(AttributeDef attr, Filter filter, ObjectNode out) {
        if (filter instanceof Filter.And a) {
            return collectEqualities(attr, a.left(), out) && collectEqualities(attr, a.right(), out);
        }
        if (filter instanceof Filter.Compare c && c.op() == CompareOp.EQ && !c.value().isNull() && attr.isComplex()) {
            out.set(subDef(attr, c.path()).name(), c.value());
            return true;
        }
        return false;
    }

    private static AttributeDef subDef(AttributeDef attr, AttrPath path) {
        if (path.subAttribute() != null) {
            throw ScimException.invalidPath("'" + path + "' goes deeper than a sub-attribute of '" + attr.name() + "'.");
        }
        if (!attr.isComplex()) {
            if (path.attribute().equalsIgnoreCase("value")) {
                return attr;
            }
            throw ScimException.invalidPath("Values of '" + attr.name() + "' can only be filtered by 'value'.");
        }
        return attr.subAttribute(path.attribute()).orElseThrow(() -> ScimException.invalidPath(
                "'" + path.attribute() + "' is not a sub-attribute of '" + attr.name() + "'."));
    }

    /** Evaluates the comparison against an absent value and a sample of the type, for its errors only. */
    private static void checkComparable(AttributeDef def, CompareOp op, JsonNode literal) {
        JsonNode sample = switch (def.type()) {
            case BOOLEAN -> JsonNodeFactory.instance.booleanNode(true);
            case INTEGER, DECIMAL -> JsonNodeFactory.instance.numberNode(0);
            case DATE_TIME -> JsonNodeFactory.instance.textNode("2000-01-01T00:00:00Z");
            default -> JsonNodeFactory.instance.textNode("");
        };
        compare(def, op, literal, sample);
    }

    private static JsonNode valueOf(AttributeDef attr, AttrPath path, JsonNode element) {
        if (!attr.isComplex()) {
            return element;
        }
        return element.isObject() ? JsonKeys.get((ObjectNode) element, path.attribute()) : null;
    }

    private static boolean present(JsonNode value) {
        return !JsonKeys.isUnassigned(value) && !(value.isTextual() && value.asText().isEmpty());
    }

    private static boolean compare(AttributeDef def, CompareOp op, JsonNode literal, JsonNode actual) {
        if (literal == null || literal.isNull()) {
            return switch (op) {
                case EQ -> !present(actual);
                case NE -> present(actual);
                default -> throw ScimException.invalidFilter("Operator " + name(op) + " cannot compare with null.");
            };
        }
        if (!present(actual)) {
            return op == CompareOp.NE;
        }
        return switch (def.type()) {
            case BOOLEAN -> compareBoolean(def, op, literal, actual);
            case INTEGER, DECIMAL -> compareNumber(def, op, literal, actual);
            case DATE_TIME -> compareDateTime(def, op, literal, actual);
            case COMPLEX -> throw ScimException.invalidFilter("'" + def.name() + "' is complex and cannot be compared.");
            default -> compareString(def, op, literal, actual);
        };
    }

    private static boolean compareBoolean(AttributeDef def, CompareOp op, JsonNode literal, JsonNode actual) {
        if (op != CompareOp.EQ && op != CompareOp.NE) {
            throw ScimException.invalidFilter("Operator " + name(op) + " does not apply to boolean '" + def.name() + "'.");
        }
        boolean want = asBoolean(literal, def);
        boolean equal;
        try {
            equal = ScalarCoercer.bool(actual, def.name()).booleanValue() == want;
        } catch (ScimException storedGarbage) {
            equal = false;
        }
        return op == CompareOp.EQ ? equal : !equal;
    }

    private static boolean asBoolean(JsonNode literal, AttributeDef def) {
        try {
            return ScalarCoercer.bool(literal, def.name()).booleanValue();
        } catch (ScimException e) {
            throw ScimException.invalidFilter("'" + def.name() + "' is boolean; compare it with true or false.");
        }
    }

    private static boolean compareNumber(AttributeDef def, CompareOp op, JsonNode literal, JsonNode actual) {
        BigDecimal want = number(literal).orElseThrow(() -> ScimException.invalidFilter(
                "'" + def.name() + "' is numeric; compare it with a number."));
        Optional<BigDecimal> have = number(actual);
        if (have.isEmpty()) {
            return op == CompareOp.NE;
        }
        return ordered(def, op, have.get().compareTo(want));
    }

    private static Optional<BigDecimal> number(JsonNode node) {
        try {
            if (node.isNumber()) {
                return Optional.of(node.decimalValue());
            }
            return node.isTextual() ? Optional.of(new BigDecimal(node.asText().trim())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean compareDateTime(AttributeDef def, CompareOp op, JsonNode literal, JsonNode actual) {
        if (op == CompareOp.CO || op == CompareOp.SW || op == CompareOp.EW) {
            return compareString(def, op, literal, actual);
        }
        Instant want;
        try {
            want = ScalarCoercer.instant(literal, def.name());
        } catch (ScimException e) {
            throw ScimException.invalidFilter("'" + def.name() + "' is a dateTime; compare it with an ISO-8601 timestamp.");
        }
        Instant have;
        try {
            have = ScalarCoercer.instant(actual, def.name());
        } catch (ScimException storedGarbage) {
            return op == CompareOp.NE;
        }
        return ordered(def, op, have.compareTo(want));
    }

    private static boolean compareString(AttributeDef def, CompareOp op, JsonNode literal, JsonNode actual) {
        if (!literal.isValueNode() || !actual.isValueNode()) {
            return op == CompareOp.NE;
        }
        String want = literal.asText();
        String have = actual.asText();
        if (!def.caseExact()) {
            want = want.toLowerCase(Locale.ROOT);
            have = have.toLowerCase(Locale.ROOT);
        }
        return switch (op) {
            case CO -> have.contains(want);
            case SW -> have.startsWith(want);
            case EW -> have.endsWith(want);
            default -> ordered(def, op, have.compareTo(want));
        };
    }

    /** eq/ne/gt/ge/lt/le given {@code have.compareTo(want)}. */
    private static boolean ordered(AttributeDef def, CompareOp op, int cmp) {
        return switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case CO, SW, EW -> throw ScimException.invalidFilter(
                    "Operator " + name(op) + " does not apply to '" + def.name() + "'.");
        };
    }

    private static String name(CompareOp op) {
        return op.name().toLowerCase(Locale.ROOT);
    }
}
