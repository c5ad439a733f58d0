package dev.rollcall.schema.filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2). Inside a {@link ValuePath} the paths of the inner
 * filter are relative: their {@code attribute} is the sub-attribute name of the multi-valued
 * attribute (e.g. {@code emails[type eq "work"]} has an inner path with attribute {@code type}).
 */
public sealed interface Filter {

    /** {@code path op value}; value is a JSON string, number, boolean or null literal. */
    record Compare(AttrPath path, CompareOp op, JsonNode value) implements Filter {
    }

    /** {@code path pr}. */
    record Present(AttrPath path) implements Filter {
    }

    record And(Filter left, Filter right) implements Filter {
    }

    record Or(Filter left, Filter right) implements Filter {
    }

    record Not(Filter inner) implements Filter {
    }

    /** {@code path[valFilter]}: some element of the multi-valued attribute matches the inner filter. */
    record ValuePath(AttrPath path, Filter filter) implements Filter {
    }
}
