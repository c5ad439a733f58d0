package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimErrors;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.http.ETags;

/**
 * The outcome of one bulk operation (RFC 7644 §3.7.3).
 *
 * @param location relative path of the resource ("/Users/{id}"), or null when unknown
 * @param version  the resource version after the write, or null (DELETE, failure)
 * @param error    null on success
 */
public record BulkResult(BulkOperation operation, int status, String location, Long version, ScimException error) {

    public static BulkResult success(BulkOperation op, String location, Long version) {
        return new BulkResult(op, op.parsed().successStatus(), location, version, null);
    }

    public static BulkResult failure(BulkOperation op, String location, ScimException error) {
        return new BulkResult(op, error.status(), location, null, error);
    }

    public boolean failed() {
        return error != null;
    }

    /** The response entry; {@code baseUrl} ends without a slash and prefixes the location. */
    public ObjectNode toJson(ObjectNode out, String baseUrl) {
        if (operation.method() != null) {
            out.put("method", operation.parsed() == null ? operation.method() : operation.parsed().name());
        }
        if (operation.bulkId() != null) {
            out.put("bulkId", operation.bulkId());
        }
        if (location != null) {
            out.put("location", baseUrl + location);
        }
        if (version != null) {
            out.put("version", ETags.of(version));
        }
        out.put("status", Integer.toString(status));
        if (error != null) {
            out.set("response", ScimErrors.body(error.status(), error.scimType(), error.getMessage()));
        }
        return out;
    }
}
