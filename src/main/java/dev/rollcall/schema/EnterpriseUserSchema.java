package dev.rollcall.schema;

import static dev.rollcall.schema.AttributeDef.builder;
import static dev.rollcall.schema.AttributeType.BOOLEAN;
import static dev.rollcall.schema.AttributeType.COMPLEX;
import static dev.rollcall.schema.AttributeType.REFERENCE;
import static dev.rollcall.schema.AttributeType.STRING;

import java.util.List;

/**
 * The enterprise User extension of RFC 7643 §4.3. The manager carries a non-standard
 * {@code primary} flag: HR systems that send two manager relationships mark the primary one.
 */
public final class EnterpriseUserSchema {

    private EnterpriseUserSchema() {
    }

    public static SchemaDef definition() {
        return new SchemaDef(SchemaUris.ENTERPRISE_USER, "EnterpriseUser", "Enterprise User", List.of(
                builder("employeeNumber", STRING).build(),
                builder("costCenter", STRING).build(),
                builder("organization", STRING).build(),
                builder("division", STRING).build(),
                builder("department", STRING).build(),
                builder("manager", COMPLEX).description("The user's manager.").subAttributes(
                        builder("value", STRING).caseExact().build(),
                        builder("$ref", REFERENCE).referenceTypes("User").build(),
                        builder("displayName", STRING).mutability(Mutability.READ_ONLY).build(),
                        builder("primary", BOOLEAN).build()).build()));
    }
}
