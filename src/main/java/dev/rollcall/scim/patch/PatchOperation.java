package dev.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of a PATCH request, as read from the wire.
 *
 * @param index position in {@code Operations}, for error messages
 * @param op    the operation
 * @param path  the path text, or null for a no-path operation
 * @param value the value as sent, or null when the operation has none
 */
public record PatchOperation(int index, PatchOp op, String path, JsonNode value) {

    /** "Operations[2]" — how errors name this operation. */
    public String label() {
        return "Operations[" + index + "]";
    }
}
