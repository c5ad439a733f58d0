package dev.rollcall.schema.filter;

/**
 * An attribute path as written by a client (RFC 7644 §3.4.2.2 attrPath):
 * {@code [schemaUrn ":"] attribute ["." subAttribute]}. Names keep the client's case; resolution
 * against the schema is case-insensitive.
 *
 * @param schemaUrn    the schema URN prefix, or null
 * @param attribute    the top-level attribute name
 * @param subAttribute the sub-attribute name, or null
 */
public record AttrPath(String schemaUrn, String attribute, String subAttribute) {

    /** The same path with a sub-attribute (used for attributes inside a value filter). */
    public AttrPath withSub(String sub) {
        return new AttrPath(schemaUrn, attribute, sub);
    }

    @Override
    public String toString() {
        String base = schemaUrn == null ? attribute : schemaUrn + ":" + attribute;
        return subAttribute == null ? base : base + "." + subAttribute;
    }
}
