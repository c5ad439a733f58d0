package dev.rollcall.scim;

import dev.rollcall.directory.DirectoryException;
import java.util.function.Supplier;

/** The directory's refusals as SCIM errors (RFC 7644 §3.12): 404, 409 uniqueness, 400 invalidValue. */
public final class DirectoryErrors {
    private DirectoryErrors() {
    }

    public static <T> T translate(Supplier<T> change) {
        try {
            return change.get();
        } catch (DirectoryException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> ScimException.notFound(e.getMessage());
                case DUPLICATE -> ScimException.uniqueness(e.getMessage());
                case INVALID_MEMBER -> ScimException.invalidValue(e.getMessage());
            };
        }
    }
}
