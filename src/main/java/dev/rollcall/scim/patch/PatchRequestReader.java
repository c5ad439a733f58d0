package dev.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.resource.JsonKeys;
import dev.rollcall.scim.resource.ScalarCoercer;
import dev.rollcall.schema.SchemaUris;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a PatchOp message (RFC 7644 §3.5.2) into operations. Lenient where clients differ and the
 * meaning is clear: member names in any case ({@code operations}, {@code Op}, {@code Path}), op names
 * in any case ({@code Replace}, {@code ADD}), a blank path meaning no path, and a missing
 * {@code schemas} (the endpoint already says what the body is).
 */
final class PatchRequestReader {
    private final int maxOperations;

    PatchRequestReader(int maxOperations) {
        this.maxOperations = maxOperations;
    }

    /**
     * @throws ScimException invalidSyntax for a body that is not a PatchOp message (not an object,
     *                       wrong {@code schemas}, no {@code Operations} array, an operation that is
     *                       not an object or has no op, add/replace without a value); invalidValue for
     *                       an empty {@code Operations}, more operations than the limit, or an unknown op;
     *                       invalidPath for a non-string path
     */
    List<PatchOperation> read(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw ScimException.invalidSyntax("A PATCH body must be a JSON object with 'schemas' and 'Operations'.");
        }
        ObjectNode body = (ObjectNode) request;
        checkSchemas(JsonKeys.get(body, "schemas"));
        JsonNode operations = JsonKeys.get(body, "Operations");
        if (operations == null || !operations.isArray()) {
            throw ScimException.invalidSyntax("A PATCH body must have an 'Operations' array.");
        }
        if (operations.isEmpty()) {
            throw ScimException.invalidValue("'Operations' must contain at least one operation.");
        }
        checkCount(operations.size(), maxOperations);
        List<PatchOperation> out = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            out.add(readOperation(i, operations.get(i)));
        }
        return out;
    }

    /** Bounds the work one request can ask for; split a longer change into several PATCH requests. */
    static void checkCount(int operations, int maxOperations) {
        if (operations > maxOperations) {
            throw ScimException.invalidValue("'Operations' has " + operations + " operations; at most " + maxOperations
                    + " are accepted in one PATCH request (ROLLCALL_PATCH_MAX_OPERATIONS).");
        }
    }

    private static void checkSchemas(JsonNode schemas) {
        if (schemas == null || schemas.isNull()) {
            return;
        }
        boolean found = false;
        if (schemas.isTextual()) {
            found = schemas.asText().equalsIgnoreCase(SchemaUris.PATCH_OP);
        } else if (schemas.isArray()) {
            for (JsonNode s : schemas) {
                found |= s.isTextual() && s.asText().equalsIgnoreCase(SchemaUris.PATCH_OP);
            }
        }
        if (!found) {
            throw ScimException.invalidSyntax("'schemas' of a PATCH body must be [\"" + SchemaUris.PATCH_OP + "\"].");
        }
    }

    private static PatchOperation readOperation(int index, JsonNode node) {
        String label = "Operations[" + index + "]";
        if (!node.isObject()) {
            throw ScimException.invalidSyntax(label + " must be a JSON object.");
        }
        ObjectNode operation = (ObjectNode) node;
        JsonNode opNode = JsonKeys.get(operation, "op");
        if (opNode == null || !opNode.isTextual()) {
            throw ScimException.invalidSyntax(label + " must have an 'op' (add, remove or replace).");
        }
        PatchOp op = switch (opNode.asText().trim().toLowerCase(Locale.ROOT)) {
            case "add" -> PatchOp.ADD;
            case "remove" -> PatchOp.REMOVE;
            case "replace" -> PatchOp.REPLACE;
            default -> throw ScimException.invalidValue(label + " has unknown op '"
                    + ScalarCoercer.abbreviate(opNode.asText()) + "'; expected add, remove or replace.");
        };
        JsonNode pathNode = JsonKeys.get(operation, "path");
        String path = null;
        if (pathNode != null && !pathNode.isNull()) {
            if (!pathNode.isTextual()) {
                throw ScimException.invalidPath(label + " has a 'path' that is not a string.");
            }
            path = pathNode.asText().isBlank() ? null : pathNode.asText().trim();
        }
        String valueKey = JsonKeys.find(operation, "value");
        JsonNode value = valueKey == null ? null : operation.get(valueKey);
        if (op != PatchOp.REMOVE && valueKey == null) {
            throw ScimException.invalidSyntax(label + " (" + op.name().toLowerCase(Locale.ROOT) + ") must have a 'value'.");
        }
        return new PatchOperation(index, op, path, value);
    }
}
