package dev.rollcall.schema.filter;

import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.Returned;
import dev.rollcall.schema.SchemaUris;
import java.util.Locale;
import java.util.Set;

/**
 * Which attributes are not in the value index: those stored as real columns (or in
 * group_member), computed ones, and those never returned. The indexer skips them and the SQL
 * compiler must handle them itself, so both read this one list.
 */
public final class ColumnAttributes {
    // Top-level core attributes kept outside the value index, per core schema. id, externalId and
    // meta are common attributes and are not among a schema's attributes at all.
    private static final Set<String> USER = Set.of("username", "groups");
    private static final Set<String> GROUP = Set.of("displayname", "members");

    private ColumnAttributes() {
    }

    /** True when values of this attribute are written to the value index. */
    public static boolean indexed(ResourceTypeDef type, ResolvedAttribute attr) {
        if (attr.attribute().returned() == Returned.NEVER || attr.target().returned() == Returned.NEVER) {
            return false;
        }
        if (!attr.coreSchema()) {
            return true;
        }
        String name = attr.attribute().name().toLowerCase(Locale.ROOT);
        if (name.equals("id") || name.equals("externalid") || name.equals("meta")) {
            return false;
        }
        return !outside(type).contains(name);
    }

    private static Set<String> outside(ResourceTypeDef type) {
        String core = type.core().id();
        if (core.equals(SchemaUris.USER)) {
            return USER;
        }
        if (core.equals(SchemaUris.GROUP)) {
            return GROUP;
        }
        return Set.of();
    }
}
