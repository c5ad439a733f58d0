package dev.rollcall.schema;

import java.util.List;

/** A SCIM resource type (RFC 7643 §6): its endpoint, core schema and schema extensions. */
public record ResourceTypeDef(String name, String endpoint, String description, SchemaDef core,
                              List<SchemaDef> extensions) {
    public ResourceTypeDef {
        extensions = List.copyOf(extensions);
    }
}
