package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.resource.JsonKeys;
import dev.rollcall.schema.SchemaUris;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a BulkRequest body. A request that is not a BulkRequest at all (wrong shape, no schema,
 * no Operations) is a 400 invalidSyntax for the whole request; more operations than allowed is a
 * 413 (RFC 7644 §3.7.4). A single malformed operation only fails itself: bulk is not atomic.
 */
public final class BulkRequestReader {
    private final int maxOperations;

    public BulkRequestReader(int maxOperations) {
        this.maxOperations = maxOperations;
    }

    public BulkRequest read(JsonNode body) {
        if (!(body instanceof ObjectNode request)) {
            throw ScimException.invalidSyntax("a BulkRequest must be a JSON object");
        }
        requireBulkSchema(JsonKeys.get(request, "schemas"));
        JsonNode ops = JsonKeys.get(request, "Operations");
        if (ops == null || !ops.isArray()) {
            throw ScimException.invalidSyntax("a BulkRequest needs an Operations array");
        }
        if (ops.size() > maxOperations) {
            throw new ScimException(413, null, "the bulk request has " + ops.size()
                    + " operations; the maximum is maxOperations=" + maxOperations);
        }
        int failOnErrors = failOnErrors(JsonKeys.get(request, "failOnErrors"));
        List<BulkOperation> out = new ArrayList<>(ops.size());
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < ops.size(); i++) {
            out.add(operation(i, ops.get(i), declared));
        }
        return new BulkRequest(failOnErrors, out);
    }

    private static void requireBulkSchema(JsonNode schemas) {
        if (schemas != null && schemas.isArray()) {
            for (JsonNode s : schemas) {
                if (SchemaUris.BULK_REQUEST.equalsIgnoreCase(s.asText())) {
                    return;
                }
            }
        }
        throw ScimException.invalidSyntax("schemas must contain " + SchemaUris.BULK_REQUEST);
    }

    /**
     * RFC 7644 §3.7: the number of errors after which processing stops (1: stop at the first). It is
     * an integer, and 0 is one: stopping "after 0 errors" would run nothing, so 0 means what an absent
     * failOnErrors means — no limit, every operation is tried. Negative values are refused.
     */
    private static int failOnErrors(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        // some clients send numbers as strings, as they do booleans
        String text = value.isIntegralNumber() || value.isTextual() ? value.asText().trim() : "";
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ScimException.invalidValue("failOnErrors must be a whole number, 0 or more (0: no limit)");
    }

    private static BulkOperation operation(int index, JsonNode node, Set<String> declared) {
        if (!(node instanceof ObjectNode op)) {
            return invalid(index, null, null, null, ScimException.invalidSyntax("an operation must be a JSON object"));
        }
        String method = text(op, "method");
        String bulkId = text(op, "bulkId");
        String version = text(op, "version");
        JsonNode data = JsonKeys.get(op, "data");
        BulkMethod parsed = BulkMethod.parse(method).orElse(null);
        if (parsed == null) {
            return invalid(index, method, null, bulkId, ScimException.invalidSyntax(
                    "method must be POST, PUT, PATCH or DELETE, not '" + method + "'"));
        }
        BulkPath path;
        try {
            path = BulkPath.parse(text(op, "path"), parsed);
        } catch (ScimException e) {
            return invalid(index, method, parsed, bulkId, e);
        }
        if (parsed == BulkMethod.POST) {
            if (bulkId == null || bulkId.isBlank()) {
                return invalid(index, method, parsed, null, ScimException.invalidSyntax("bulkId is required for POST"));
            }
            if (!declared.add(bulkId)) {
                return invalid(index, method, null, bulkId, ScimException.invalidValue("bulkId '" + bulkId + "' is used twice"));
            }
        }
        if (parsed != BulkMethod.DELETE && (data == null || !data.isObject())) {
            return invalid(index, method, parsed, bulkId, ScimException.invalidSyntax(parsed + " needs a data object"));
        }
        Set<String> references = new LinkedHashSet<>();
        String pathRef = BulkIds.referenceIn(path.id());
        if (pathRef != null) {
            references.add(pathRef);
        }
        if (parsed != BulkMethod.DELETE) {
            references.addAll(BulkIds.references(data));
        }
        return new BulkOperation(index, method, parsed, path, bulkId, version,
                parsed == BulkMethod.DELETE ? null : data, Collections.unmodifiableSet(references), null);
    }

    /** An operation that fails without running; {@code parsed} is kept when known (a failed POST still declares its bulkId). */
    private static BulkOperation invalid(int index, String method, BulkMethod parsed, String bulkId, ScimException error) {
        return new BulkOperation(index, method, parsed, null, bulkId, null, null, Set.of(), error);
    }

    private static String text(ObjectNode op, String field) {
        JsonNode v = JsonKeys.get(op, field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
