package dev.rollcall.scim.patch;

import dev.rollcall.schema.filter.Filter;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.SchemaDef;

/**
 * A PATCH path resolved against the resource type.
 *
 * @param schema    the schema the attribute belongs to
 * @param core      whether that is the core schema (attributes at the top level) or an extension
 *                  (attributes inside the object under its URN)
 * @param attribute the top-level attribute, or null when the path is a whole extension URN
 * @param filter    the value filter ({@code emails[type eq "work"]}), or null
 * @param sub       the sub-attribute ({@code name.givenName}, {@code emails[...].value}), or null
 * @param text      the path as the client wrote it, for error messages
 */
record PatchTarget(SchemaDef schema, boolean core, AttributeDef attribute, Filter filter, AttributeDef sub, String text) {

    boolean isExtensionObject() {
        return attribute == null;
    }

    /** The definition the path ends at. */
    AttributeDef leaf() {
        return sub != null ? sub : attribute;
    }
}
