package dev.rollcall.scim.resource;

import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Schema URNs of a resource type as they appear in keys and paths, matched case-insensitively. */
public final class SchemaUrns {

    /**
     * A key split at its schema URN: {@code urn:...:enterprise:2.0:User:manager.value} gives the
     * enterprise schema and {@code manager.value}.
     */
    public record Qualified(SchemaDef schema, boolean core, String rest) {
    }

    private SchemaUrns() {
    }

    /** Whether the key is URN-shaped (attribute names never start with {@code urn:}). */
    public static boolean looksLikeUrn(String key) {
        return key.regionMatches(true, 0, "urn:", 0, 4);
    }

    /** The extension schema of the type whose id is exactly {@code urn} (ignoring case). */
    public static Optional<SchemaDef> extension(ResourceTypeDef type, String urn) {
        return type.extensions().stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
    }

    /** Splits {@code schemaUrn:attribute[.sub]} when its prefix is a schema of the type (the longest wins). */
    public static Optional<Qualified> split(ResourceTypeDef type, String key) {
        List<SchemaDef> all = new ArrayList<>();
        all.add(type.core());
        all.addAll(type.extensions());
        Qualified best = null;
        for (SchemaDef s : all) {
            String prefix = s.id() + ":";
            if (key.length() > prefix.length() && key.regionMatches(true, 0, prefix, 0, prefix.length())
                    && (best == null || s.id().length() > best.schema().id().length())) {
                best = new Qualified(s, s == type.core(), key.substring(prefix.length()));
            }
        }
        return Optional.ofNullable(best);
    }
}
