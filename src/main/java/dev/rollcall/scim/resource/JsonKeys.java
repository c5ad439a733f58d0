package dev.rollcall.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Case-insensitive access to the keys of a JSON object. SCIM attribute names and schema URNs are
 * case-insensitive, so a stored or client-supplied object may spell a key differently from the schema.
 */
public final class JsonKeys {

    private JsonKeys() {
    }

    /** The key of {@code object} equal to {@code name} ignoring case, or null. */
    public static String find(ObjectNode object, String name) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    /** The value under {@code name} ignoring case, or null when absent. */
    public static JsonNode get(ObjectNode object, String name) {
        String key = find(object, name);
        return key == null ? null : object.get(key);
    }

    /** Removes every spelling of {@code name}; returns the last value removed, or null. */
    public static JsonNode remove(ObjectNode object, String name) {
        List<String> matches = new ArrayList<>();
        object.fieldNames().forEachRemaining(k -> {
            if (k.equalsIgnoreCase(name)) {
                matches.add(k);
            }
        });
        JsonNode removed = null;
        for (String k : matches) {
            removed = object.remove(k);
        }
        return removed;
    }

    /** Sets {@code name} (canonical spelling) to {@code value}, replacing any other spelling of it. */
    public static void put(ObjectNode object, String name, JsonNode value) {
        String existing = find(object, name);
        if (existing != null && !existing.equals(name)) {
            remove(object, name);
        }
        object.set(name, value);
    }

    /** True for null, JSON null, and empty strings, arrays and objects: SCIM's "unassigned". */
    public static boolean isUnassigned(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isContainerNode()) {
            return value.isEmpty();
        }
        return false;
    }
}
