package dev.rollcall.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A SCIM schema (core or extension) as published at /Schemas. */
public record SchemaDef(String id, String name, String description, List<AttributeDef> attributes) {

    public SchemaDef {
        attributes = List.copyOf(attributes);
    }

    /**
     * Hashes the id only: the generated hash walks every attribute definition, and schemas are map
     * keys on the request path (the normalizer). Consistent with the generated equals.
     */
    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    /** Top-level attribute by name, case-insensitively. */
    public Optional<AttributeDef> attribute(String attrName) {
        String wanted = attrName.toLowerCase(Locale.ROOT);
        return attributes.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
