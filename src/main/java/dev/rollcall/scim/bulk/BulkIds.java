package dev.rollcall.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code bulkId:<id>} references (RFC 7644 §3.7.2): any string value that is exactly such a
 * reference stands for the id of the resource the POST with that bulkId created. Pure functions:
 * inputs are never modified, results are copies.
 */
public final class BulkIds {
    public static final String PREFIX = "bulkId:";

    private BulkIds() {
    }

    /** The bulkId a string refers to, or null when it is not a reference. */
    public static String referenceIn(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() == PREFIX.length()) {
            return null;
        }
        return value.substring(PREFIX.length());
    }

    /** Every bulkId referred to anywhere in {@code node}. */
    public static Set<String> references(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String ref = referenceIn(node.asText());
            if (ref != null) {
                out.add(ref);
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collect(child, out));
        }
    }

    /** A copy with every reference whose bulkId is in {@code ids} replaced by the resource id. */
    public static JsonNode substitute(JsonNode node, Map<String, String> ids) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String ref = referenceIn(node.asText());
            return ref != null && ids.containsKey(ref) ? TextNode.valueOf(ids.get(ref)) : node;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), substitute(e.getValue(), ids)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(e -> copy.add(substitute(e, ids)));
            return copy;
        }
        return node;
    }

    /**
     * A copy of a resource without what refers to the given bulkIds, used to create one side of a
     * circular reference first: a complex value holding such a reference (a group member, a
     * manager) is left out whole; a plain attribute holding one is left out.
     */
    public static ObjectNode without(ObjectNode resource, Set<String> ids) {
        ObjectNode copy = resource.deepCopy();
        prune(copy, ids);
        return copy;
    }

    private static void prune(JsonNode container, Set<String> ids) {
        if (container.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = container.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                // a schema extension is a container of attributes, not a value: look inside it
                boolean extension = field.getKey().regionMatches(true, 0, "urn:", 0, 4);
                if (refersTo(value, ids) || (!extension && value.isObject() && holdsDirectReference(value, ids))) {
                    it.remove();
                } else if (value.isContainerNode()) {
                    prune(value, ids);
                }
            }
        } else if (container.isArray()) {
            for (Iterator<JsonNode> it = container.elements(); it.hasNext(); ) {
                JsonNode value = it.next();
                if (refersTo(value, ids) || (value.isObject() && holdsDirectReference(value, ids))) {
                    it.remove();
                } else if (value.isContainerNode()) {
                    prune(value, ids);
                }
            }
        }
    }

    private static boolean holdsDirectReference(JsonNode object, Set<String> ids) {
        for (JsonNode v : object) {
            if (refersTo(v, ids)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refersTo(JsonNode value, Set<String> ids) {
        if (!value.isTextual()) {
            return false;
        }
        String ref = referenceIn(value.asText());
        return ref != null && ids.contains(ref);
    }
}
