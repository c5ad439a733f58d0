package dev.rollcall.scim;

/**
 * A SCIM protocol error (RFC 7644 §3.12): HTTP status, optional scimType and a detail that is
 * safe to show the client. Thrown anywhere in the SCIM layer; mapped to an Error response.
 */
public class ScimException extends RuntimeException {
    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    /** Null when the status has no scimType. */
    public String scimType() {
        return scimType;
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(400, "invalidSyntax", detail);
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(400, "invalidPath", detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(400, "noTarget", detail);
    }

    public static ScimException mutability(String detail) {
        return new ScimException(400, "mutability", detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(409, "uniqueness", detail);
    }

    public static ScimException tooMany(String detail) {
        return new ScimException(400, "tooMany", detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(404, null, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(412, null, detail);
    }
}
