package dev.rollcall.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules shared by every multi-valued attribute: when two values are "the same", and the single primary. */
public final class MultiValues {

    private MultiValues() {
    }

    /**
     * Whether {@code existing} already holds everything {@code candidate} says: equal, or (for complex
     * values) every sub-attribute of the candidate present in the existing element with the same value.
     * So {@code {"value":"u1"}} is covered by {@code {"value":"u1","type":"User"}}: adding it again adds
     * nothing, and removing it removes that member.
     */
    public static boolean covers(JsonNode existing, JsonNode candidate) {
        if (existing.equals(candidate)) {
            return true;
        }
        if (!existing.isObject() || !candidate.isObject() || candidate.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : candidate.properties()) {
            JsonNode mine = JsonKeys.get((ObjectNode) existing, e.getKey());
            if (mine == null || !mine.equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Collapses duplicates: a value covered by another keeps only the fuller one, at the position of the
     * first. Clients resend members and emails; storing them twice would break uniqueness downstream.
     */
    public static ArrayNode dedupe(ArrayNode values) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        Index index = new Index();
        for (JsonNode v : values) {
            boolean merged = false;
            for (int i : index.candidates(v)) {
                if (covers(out.get(i), v)) {
                    merged = true;
                } else if (covers(v, out.get(i))) {
                    out.set(i, v);
                    merged = true;
                }
                if (merged) {
                    break;
                }
            }
            if (!merged) {
                index.add(v, out.size());
                out.add(v);
            }
        }
        return out;
    }

    /**
     * Positions of values by their {@code value} sub-attribute, so that checks for duplicates stay
     * linear for a group of 100,000 members: one value can only cover another with the same
     * {@code value}, or one that has none.
     */
    public static final class Index {
        private final Map<JsonNode, List<Integer>> byValue = new HashMap<>();
        private final List<Integer> withoutValue = new ArrayList<>();
        private final List<Integer> all = new ArrayList<>();

        /** An index of the elements of {@code values}. */
        public static Index of(ArrayNode values) {
            Index index = new Index();
            for (int i = 0; i < values.size(); i++) {
                index.add(values.get(i), i);
            }
            return index;
        }

        public void add(JsonNode element, int position) {
            JsonNode key = key(element);
            all.add(position);
            if (key == null) {
                withoutValue.add(position);
            } else {
                byValue.computeIfAbsent(key, k -> new ArrayList<>()).add(position);
            }
        }

        /** Positions of the values that may cover {@code element} or be covered by it, in order. */
        public List<Integer> candidates(JsonNode element) {
            JsonNode key = key(element);
            if (key == null) {
                return all;
            }
            List<Integer> out = new ArrayList<>(byValue.getOrDefault(key, List.of()));
            out.addAll(withoutValue);
            return out;
        }

        private static JsonNode key(JsonNode element) {
            if (!element.isObject()) {
                return element;
            }
            return JsonKeys.get((ObjectNode) element, "value");
        }
    }

    /** Whether the element is marked {@code primary: true}. */
    public static boolean isPrimary(JsonNode element) {
        if (!element.isObject()) {
            return false;
        }
        JsonNode primary = JsonKeys.get((ObjectNode) element, "primary");
        return primary != null && primary.isBoolean() && primary.booleanValue();
    }

    /** Sets {@code primary: false} on every element marked primary except {@code keep} (RFC 7643 §2.4). */
    public static void clearPrimaryExcept(ArrayNode values, JsonNode keep) {
        for (JsonNode v : values) {
            if (v != keep && isPrimary(v)) {
                JsonKeys.put((ObjectNode) v, "primary", JsonNodeFactory.instance.booleanNode(false));
            }
        }
    }
}
