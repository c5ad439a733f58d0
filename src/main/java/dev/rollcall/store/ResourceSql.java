package dev.rollcall.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.filter.CompareOp;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import org.jooq.Condition;
import org.jooq.Field;

/** What the filter compiler needs to know about one resource table (account or scim_group). */
interface ResourceSql {

    ResourceTypeDef type();

    Field<Long> pk();

    Field<Long> sourceId();

    ValueTable values(String alias);

    /**
     * The condition for an attribute stored as a column (or a constant), or null when the
     * attribute is not column-backed. {@code op} is null for {@code pr}; never NE (the compiler
     * turns ne into not eq) and never a null literal.
     */
    Condition column(ResolvedAttribute attr, CompareOp op, JsonNode value, String path);

    /** The relation table behind a complex attribute (group members, a user's groups), or null. */
    Relation relation(ResolvedAttribute attr);

    /** The column to sort by, or null when the attribute is not column-backed. */
    Field<?> sortColumn(ResolvedAttribute attr);
}
