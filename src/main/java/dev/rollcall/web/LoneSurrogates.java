package dev.rollcall.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.StorableText;
import java.util.Map;
import java.util.Optional;

/** Finds a string in a JSON document, value or member name, that is not valid Unicode (see {@link StorableText}). */
final class LoneSurrogates {
    private LoneSurrogates() {
    }

    /** The JSON Pointer of the first offending string, or empty when every string is valid. */
    static Optional<String> find(JsonNode node) {
        return find(node, "");
    }

    private static Optional<String> find(JsonNode node, String pointer) {
        if (node.isTextual()) {
            return StorableText.unpairedSurrogateAt(node.textValue()) >= 0 ? Optional.of(pointer) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), pointer + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (StorableText.unpairedSurrogateAt(member.getKey()) >= 0) {
                    return Optional.of(pointer + " (a member name)");
                }
                Optional<String> found = find(member.getValue(), pointer + "/" + escape(member.getKey()));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
