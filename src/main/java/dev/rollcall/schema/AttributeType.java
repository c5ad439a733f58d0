package dev.rollcall.schema;

/** SCIM attribute data types (RFC 7643 §2.3). */
public enum AttributeType {
    STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"),
    DATE_TIME("dateTime"), BINARY("binary"), REFERENCE("reference"), COMPLEX("complex");

    private final String wireName;

    AttributeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Types whose values compare as strings (and may be case-folded). */
    public boolean isStringLike() {
        return this == STRING || this == REFERENCE || this == BINARY;
    }
}
