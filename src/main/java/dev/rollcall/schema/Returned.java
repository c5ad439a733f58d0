package dev.rollcall.schema;

/** RFC 7643 §2.2 returned. */
public enum Returned {
    ALWAYS("always"), NEVER("never"), DEFAULT("default"), REQUEST("request");

    private final String wireName;

    Returned(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
