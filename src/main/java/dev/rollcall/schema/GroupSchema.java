package dev.rollcall.schema;

import static dev.rollcall.schema.AttributeDef.builder;
import static dev.rollcall.schema.AttributeType.COMPLEX;
import static dev.rollcall.schema.AttributeType.REFERENCE;
import static dev.rollcall.schema.AttributeType.STRING;

import java.util.List;

/** The core Group schema of RFC 7643 §4.2 / §8.7.1. Members may be users or groups. */
public final class GroupSchema {

    private GroupSchema() {
    }

    public static SchemaDef definition() {
        return new SchemaDef(SchemaUris.GROUP, "Group", "Group", List.of(
                builder("displayName", STRING).required().description("A human-readable name for the Group.").build(),
                builder("members", COMPLEX).multiValued().description("A list of members of the Group.")
                        .subAttributes(
                                builder("value", STRING).caseExact().mutability(Mutability.IMMUTABLE).build(),
                                builder("$ref", REFERENCE).referenceTypes("User", "Group")
                                        .mutability(Mutability.IMMUTABLE).build(),
                                builder("display", STRING).mutability(Mutability.READ_ONLY).build(),
                                builder("type", STRING).canonicalValues("User", "Group")
                                        .mutability(Mutability.IMMUTABLE).build())
                        .build()));
    }
}
