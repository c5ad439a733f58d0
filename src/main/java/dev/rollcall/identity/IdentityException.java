package dev.rollcall.identity;

/** A request the identity domain refuses; the kind tells the protocol layer which status to answer. */
public final class IdentityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { NOT_FOUND, CONFLICT, INVALID }

    private final Kind kind;

    public IdentityException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static IdentityException notFound(String message) {
        return new IdentityException(Kind.NOT_FOUND, message);
    }

    public static IdentityException conflict(String message) {
        return new IdentityException(Kind.CONFLICT, message);
    }

    public static IdentityException invalid(String message) {
        return new IdentityException(Kind.INVALID, message);
    }
}
