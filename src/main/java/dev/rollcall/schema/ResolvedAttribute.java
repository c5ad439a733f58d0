package dev.rollcall.schema;

import java.util.Locale;

/**
 * An attribute path resolved against a resource type: the schema it belongs to, the top-level
 * attribute and, when the path names one, its sub-attribute.
 */
public record ResolvedAttribute(SchemaDef schema, boolean coreSchema, AttributeDef attribute, AttributeDef sub) {

    /** The definition the path ends at. */
    public AttributeDef target() {
        return sub != null ? sub : attribute;
    }

    /**
     * The key under which values of this path are indexed: lower-case, the schema URN prefixed
     * for extension attributes ({@code emails.value},
     * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:manager.value}).
     */
    public String indexKey() {
        String path = sub == null ? attribute.name() : attribute.name() + "." + sub.name();
        String key = coreSchema ? path : schema.id() + ":" + path;
        return key.toLowerCase(Locale.ROOT);
    }

    /** Whether values compare case-sensitively. */
    public boolean caseExact() {
        return target().caseExact();
    }
}
