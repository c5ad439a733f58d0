package dev.rollcall.schema;

import static dev.rollcall.schema.AttributeDef.builder;
import static dev.rollcall.schema.AttributeType.DATE_TIME;
import static dev.rollcall.schema.AttributeType.STRING;

import java.util.List;

/** Rollcall's lifecycle extension: what HR says about employment, and the person an account is linked to. */
public final class LifecycleSchema {

    private LifecycleSchema() {
    }

    public static SchemaDef definition() {
        return new SchemaDef(SchemaUris.LIFECYCLE_USER, "Lifecycle", "Employment lifecycle as told by the source", List.of(
                builder("workerId", STRING).caseExact()
                        .description("The HR system's worker id: the strongest key for resolving accounts to persons.").build(),
                builder("hireDate", DATE_TIME).description("Start of employment (a plain date starts at midnight in the source's time zone); a future date makes a new person pending.").build(),
                builder("terminationDate", DATE_TIME).description("End of employment; a future date is a timer, a date that has come terminates.").build(),
                builder("terminationReason", STRING).build(),
                builder("employmentStatus", STRING)
                        .canonicalValues("active", "leave", "terminated", "contractor", "pending").build(),
                builder("crmAccountId", STRING).caseExact()
                        .description("The CRM account (customer or partner organisation) a contact belongs to.").build(),
                builder("personId", STRING).caseExact().mutability(Mutability.READ_ONLY)
                        .description("The Rollcall person this account is linked to.").build()));
    }
}
