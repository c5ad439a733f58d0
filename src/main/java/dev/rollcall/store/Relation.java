package dev.rollcall.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.filter.CompareOp;
import dev.rollcall.schema.ResolvedAttribute;
import org.jooq.Condition;

/**
 * A multi-valued attribute held in a relation table instead of the value index: each element is
 * one row of the relation, so a value filter is one EXISTS with all its conditions on that row.
 */
interface Relation {

    /** Some element (row) of the relation, belonging to the outer resource, satisfies the condition. */
    Condition exists(Condition element);

    /**
     * A condition on one element: {@code sub op value}, or {@code sub pr} when op is null. Never NE
     * and never a null literal.
     */
    Condition element(ResolvedAttribute sub, CompareOp op, JsonNode value, String path);
}
