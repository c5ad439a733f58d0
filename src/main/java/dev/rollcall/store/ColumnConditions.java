package dev.rollcall.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.filter.CompareOp;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.ResolvedAttribute;
import java.time.LocalDateTime;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Conditions on column-backed attributes: strings, dateTimes, constants and meta. */
final class ColumnConditions {

    private ColumnConditions() {
    }

    /**
     * A string column holding the value folded exactly as the attribute's caseExact says (e.g.
     * user_name_ci for userName). Nullable columns are guarded so that NOT(...) stays two-valued.
     */
    static Condition string(Field<String> column, boolean nullable, ResolvedAttribute attr, CompareOp op, JsonNode value, String path) {
        if (op == null) {
            return nullable ? column.isNotNull() : DSL.trueCondition();
        }
        String literal = Literals.normalize(path, attr.target(), op, value).val();
        Condition c = SqlCompare.isLike(op) ? SqlCompare.like(column, op, literal) : SqlCompare.compare(column, op, literal);
        return nullable ? column.isNotNull().and(c) : c;
    }

    /** A DATETIME column in UTC. */
    static Condition dateTime(Field<LocalDateTime> column, ResolvedAttribute attr, CompareOp op, JsonNode value, String path) {
        if (op == null) {
            return DSL.trueCondition();
        }
        return SqlCompare.compare(column, op, Literals.utc(path, attr.target(), op, value));
    }

    /** An attribute whose value is the same for every resource of the table. */
    static Condition constant(String actual, ResolvedAttribute attr, CompareOp op, JsonNode value, String path) {
        if (op == null) {
            return DSL.trueCondition();
        }
        String literal = Literals.normalize(path, attr.target(), op, value).val();
        String folded = attr.caseExact() ? actual : actual.toLowerCase(java.util.Locale.ROOT);
        return SqlCompare.evaluate(folded, op, literal) ? DSL.trueCondition() : DSL.falseCondition();
    }

    /** meta.created, meta.lastModified and meta.resourceType; meta and its other parts are always present. */
    static Condition meta(Field<LocalDateTime> created, Field<LocalDateTime> lastModified, String resourceType,
                          ResolvedAttribute attr, CompareOp op, JsonNode value, String path) {
        if (op == null) {
            return DSL.trueCondition();
        }
        String sub = attr.sub() == null ? "" : attr.sub().name();
        return switch (sub) {
            case "created" -> dateTime(created, attr, op, value, path);
            case "lastModified" -> dateTime(lastModified, attr, op, value, path);
            case "resourceType" -> constant(resourceType, attr, op, value, path);
            default -> throw new FilterException("attribute '" + path + "' cannot be compared in a filter");
        };
    }
}
