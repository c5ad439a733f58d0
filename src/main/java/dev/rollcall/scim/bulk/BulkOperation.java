package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.scim.ScimException;
import java.util.Set;

/**
 * One operation of a bulk request, as read. An operation that could not be understood carries its
 * {@code invalid} error and is reported as failed without being run; the others still run.
 *
 * @param index      position in the request (0-based), which is also the order of the response
 * @param method     as the client spelled it, echoed in the response
 * @param parsed     null when invalid
 * @param path       null when invalid
 * @param references the bulkIds this operation refers to, in its path or its data
 */
public record BulkOperation(int index, String method, BulkMethod parsed, BulkPath path, String bulkId, String version,
                            JsonNode data, Set<String> references, ScimException invalid) {

    public boolean isValid() {
        return invalid == null;
    }

    /** The bulkId this operation declares, when it creates a resource others may refer to. */
    public String declaredBulkId() {
        return parsed == BulkMethod.POST ? bulkId : null;
    }
}
