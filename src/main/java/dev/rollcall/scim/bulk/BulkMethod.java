package dev.rollcall.scim.bulk;

import java.util.Locale;
import java.util.Optional;

/** The HTTP methods a bulk operation may carry (RFC 7644 §3.7); clients send them in any case. */
public enum BulkMethod {
    POST(201), PUT(200), PATCH(200), DELETE(204);

    private final int successStatus;

    BulkMethod(int successStatus) {
        this.successStatus = successStatus;
    }

    public int successStatus() {
        return successStatus;
    }

    public static Optional<BulkMethod> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
