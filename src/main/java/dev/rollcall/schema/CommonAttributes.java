package dev.rollcall.schema;

import static dev.rollcall.schema.AttributeDef.builder;
import static dev.rollcall.schema.AttributeType.DATE_TIME;
import static dev.rollcall.schema.AttributeType.REFERENCE;
import static dev.rollcall.schema.AttributeType.STRING;

import java.util.List;

/** Attributes every resource has (RFC 7643 §3.1): id, externalId, meta. */
public final class CommonAttributes {
    public static final AttributeDef ID = builder("id", STRING).caseExact()
            .mutability(Mutability.READ_ONLY).returned(Returned.ALWAYS).uniqueness(Uniqueness.SERVER)
            .description("Unique identifier of the resource, issued by Rollcall.").build();

    public static final AttributeDef EXTERNAL_ID = builder("externalId", STRING).caseExact()
            .description("Identifier of the resource in the provisioning client; not unique (RFC 7643 section 3.1).").build();

    public static final AttributeDef META = builder("meta", AttributeType.COMPLEX)
            .mutability(Mutability.READ_ONLY)
            .description("Resource metadata.")
            .subAttributes(
                    builder("resourceType", STRING).caseExact().mutability(Mutability.READ_ONLY).build(),
                    builder("created", DATE_TIME).mutability(Mutability.READ_ONLY).build(),
                    builder("lastModified", DATE_TIME).mutability(Mutability.READ_ONLY).build(),
                    builder("location", REFERENCE).caseExact().mutability(Mutability.READ_ONLY)
                            .referenceTypes("uri").build(),
                    builder("version", STRING).caseExact().mutability(Mutability.READ_ONLY).build())
            .build();

    public static final List<AttributeDef> ALL = List.of(ID, EXTERNAL_ID, META);

    private CommonAttributes() {
    }
}
