package dev.rollcall.schema;

import static dev.rollcall.schema.AttributeDef.builder;
import static dev.rollcall.schema.AttributeType.BINARY;
import static dev.rollcall.schema.AttributeType.BOOLEAN;
import static dev.rollcall.schema.AttributeType.COMPLEX;
import static dev.rollcall.schema.AttributeType.REFERENCE;
import static dev.rollcall.schema.AttributeType.STRING;

import java.util.List;

/** The core User schema of RFC 7643 §4.1 / §8.7.1. */
public final class UserSchema {

    private UserSchema() {
    }

    public static SchemaDef definition() {
        return new SchemaDef(SchemaUris.USER, "User", "User Account", List.of(
                builder("userName", STRING).required().uniqueness(Uniqueness.SERVER)
                        .description("Unique identifier for the User, used to log in; unique per source, case-insensitive.")
                        .build(),
                builder("name", COMPLEX).description("The components of the user's real name.").subAttributes(
                        builder("formatted", STRING).build(),
                        builder("familyName", STRING).build(),
                        builder("givenName", STRING).build(),
                        builder("middleName", STRING).build(),
                        builder("honorificPrefix", STRING).build(),
                        builder("honorificSuffix", STRING).build()).build(),
                builder("displayName", STRING).build(),
                builder("nickName", STRING).build(),
                builder("profileUrl", REFERENCE).referenceTypes("external").build(),
                builder("title", STRING).build(),
                builder("userType", STRING).build(),
                builder("preferredLanguage", STRING).build(),
                builder("locale", STRING).build(),
                builder("timezone", STRING).build(),
                builder("active", BOOLEAN).build(),
                builder("password", STRING).mutability(Mutability.WRITE_ONLY).returned(Returned.NEVER).build(),
                multiValuedString("emails", "work", "home", "other"),
                multiValuedString("phoneNumbers", "work", "home", "mobile", "fax", "pager", "other"),
                multiValuedString("ims", "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
                // a photo is a URL outside SCIM (RFC 7643 §8.7.1: referenceTypes "external")
                multiValued("photos", builder("value", REFERENCE).referenceTypes("external").build(), "photo", "thumbnail"),
                builder("addresses", COMPLEX).multiValued().subAttributes(
                        builder("formatted", STRING).build(),
                        builder("streetAddress", STRING).build(),
                        builder("locality", STRING).build(),
                        builder("region", STRING).build(),
                        builder("postalCode", STRING).build(),
                        builder("country", STRING).build(),
                        builder("type", STRING).canonicalValues("work", "home", "other").build(),
                        builder("primary", BOOLEAN).build()).build(),
                builder("groups", COMPLEX).multiValued().mutability(Mutability.READ_ONLY)
                        .description("Groups the user belongs to, directly or through nested groups; computed.")
                        .subAttributes(
                                builder("value", STRING).mutability(Mutability.READ_ONLY).build(),
                                builder("$ref", REFERENCE).referenceTypes("User", "Group")
                                        .mutability(Mutability.READ_ONLY).build(),
                                builder("display", STRING).mutability(Mutability.READ_ONLY).build(),
                                builder("type", STRING).canonicalValues("direct", "indirect")
                                        .mutability(Mutability.READ_ONLY).build()).build(),
                multiValuedString("entitlements"),
                multiValuedString("roles"),
                multiValuedPlain("x509Certificates", BINARY)));
    }

    private static AttributeDef multiValuedString(String name, String... canonicalTypes) {
        return multiValuedPlain(name, STRING, canonicalTypes);
    }

    private static AttributeDef multiValuedPlain(String name, AttributeType valueType, String... canonicalTypes) {
        return multiValued(name, builder("value", valueType).build(), canonicalTypes);
    }

    private static AttributeDef multiValued(String name, AttributeDef value, String... canonicalTypes) {
        return builder(name, COMPLEX).multiValued().subAttributes(
                value,
                builder("display", STRING).build(),
                builder("type", STRING).canonicalValues(canonicalTypes).build(),
                builder("primary", BOOLEAN).build()).build();
    }
}
