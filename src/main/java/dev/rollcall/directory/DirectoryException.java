package dev.rollcall.directory;

/**
 * A directory change the domain refuses: the target is missing, a unique value is taken, or a member
 * cannot be added. The protocol layer turns it into its own error format.
 */
public final class DirectoryException extends RuntimeException {

    public enum Kind { NOT_FOUND, DUPLICATE, INVALID_MEMBER }

    private final Kind kind;
    private final String attribute;

    private DirectoryException(Kind kind, String attribute, String message) {
        super(message);
        this.kind = kind;
        this.attribute = attribute;
    }

    public static DirectoryException notFound(String message) {
        return new DirectoryException(Kind.NOT_FOUND, null, message);
    }

    /** {@code attribute} is the unique attribute whose value another resource of the source already has. */
    public static DirectoryException duplicate(String attribute, String message) {
        return new DirectoryException(Kind.DUPLICATE, attribute, message);
    }

    public static DirectoryException invalidMember(String message) {
        return new DirectoryException(Kind.INVALID_MEMBER, "members", message);
    }

    public Kind kind() {
        return kind;
    }

    public String attribute() {
        return attribute;
    }
}
