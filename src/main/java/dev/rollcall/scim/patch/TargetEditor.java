package dev.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.resource.AttributeValueNormalizer;
import dev.rollcall.scim.resource.JsonKeys;
import dev.rollcall.scim.resource.MultiValues;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.Mutability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies one add, remove or replace at a resolved attribute path of a resource document, per
 * RFC 7644 §3.5.2. Values are normalised with {@link AttributeValueNormalizer} first, so a PATCH
 * accepts exactly the shapes a POST does ({@code "False"}, a bare manager id, a single email object).
 *
 * <p>Complex values merge: add or replace of {@code name} or of {@code emails[type eq "work"]} sets the
 * sub-attributes given and leaves the others (RFC 7644 §3.5.2.3). A value of null (or "", [], {}) in
 * add or replace means "absent": replace removes, add adds nothing.
 */
final class TargetEditor {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AttributeValueNormalizer values;
    private final ValueFilterMatcher matcher;

    TargetEditor(AttributeValueNormalizer values, ValueFilterMatcher matcher) {
        this.values = values;
        this.matcher = matcher;
    }

    /** Applies {@code op} at attribute target {@code t} (not a whole extension) inside {@code box}. */
    void apply(PatchOp op, PatchTarget t, JsonNode value, ObjectNode box) {
        if (t.filter() != null) {
            filtered(op, t, value, box);
        } else if (t.sub() != null) {
            subAttribute(op, t, value, box);
        } else {
            wholeAttribute(op, t, value, box);
        }
        JsonNode left = JsonKeys.get(box, t.attribute().name());
        if (left != null && JsonKeys.isUnassigned(left)) {
            JsonKeys.remove(box, t.attribute().name()); // an emptied attribute is unassigned, not []
        }
    }

    private void wholeAttribute(PatchOp op, PatchTarget t, JsonNode value, ObjectNode box) {
        AttributeDef attr = t.attribute();
        if (op == PatchOp.REMOVE) {
            if (attr.multiValued() && value != null && !value.isNull()) {
                removeValues(t, value, box); // Entra: remove members with value [{"value": id}]
            } else {
                JsonKeys.remove(box, attr.name());
            }
            return;
        }
        JsonNode v = values.normalize(attr, value, t.text());
        if (v == null) {
            if (op == PatchOp.REPLACE) {
                JsonKeys.remove(box, attr.name());
            }
            return;
        }
        if (attr.multiValued() && op == PatchOp.ADD) {
            ArrayNode existing = array(box, attr);
            MultiValues.Index index = MultiValues.Index.of(existing);
            for (JsonNode candidate : v) {
                if (!covered(existing, index, candidate)) {
                    index.add(candidate, existing.size());
                    existing.add(candidate);
                    if (MultiValues.isPrimary(candidate)) {
                        MultiValues.clearPrimaryExcept(existing, candidate);
                    }
                }
            }
        } else if (attr.isComplex() && !attr.multiValued()) {
            JsonNode existing = JsonKeys.get(box, attr.name());
            ObjectNode merged = existing != null && existing.isObject() ? (ObjectNode) existing : JSON.objectNode();
            merged.setAll((ObjectNode) v);
            JsonKeys.put(box, attr.name(), merged);
        } else {
            JsonKeys.put(box, attr.name(), v);
        }
    }

    private void removeValues(PatchTarget t, JsonNode value, ObjectNode box) {
        JsonNode existing = JsonKeys.get(box, t.attribute().name());
        JsonNode doomed = values.normalize(t.attribute(), value, t.text());
        if (existing == null || !existing.isArray() || doomed == null) {
            return; // removing what is not there is not an error: clients retry removals
        }
        ArrayNode doomedValues = (ArrayNode) doomed;
        MultiValues.Index index = MultiValues.Index.of(doomedValues);
        ArrayNode kept = JSON.arrayNode();
        for (JsonNode e : existing) {
            if (!covers(e, doomedValues, index)) {
                kept.add(e);
            }
        }
        JsonKeys.put(box, t.attribute().name(), kept);
    }

    /** {@code name.givenName} (singular) or {@code emails.type} (every element). */
    private void subAttribute(PatchOp op, PatchTarget t, JsonNode value, ObjectNode box) {
        AttributeDef attr = t.attribute();
        JsonNode v = op == PatchOp.REMOVE ? null : values.normalize(t.sub(), value, t.text());
        if (attr.multiValued()) {
            ArrayNode existing = array(box, attr);
            if (existing.isEmpty() && v != null) {
                existing.add(JSON.objectNode().set(t.sub().name(), v));
            } else {
                setOnElements(t, existing, elements(existing), v);
            }
            return;
        }
        JsonNode existing = JsonKeys.get(box, attr.name());
        if (existing != null && existing.isObject()) {
            setSub((ObjectNode) existing, t, v);
        } else if (v != null) {
            JsonKeys.put(box, attr.name(), JSON.objectNode().set(t.sub().name(), v));
        }
    }

    /** {@code emails[type eq "work"]} or {@code emails[type eq "work"].value}. */
    private void filtered(PatchOp op, PatchTarget t, JsonNode value, ObjectNode box) {
        AttributeDef attr = t.attribute();
        ArrayNode existing = array(box, attr);
        List<ObjectNode> matching = new ArrayList<>();
        for (ObjectNode e : elements(existing)) {
            if (matcher.matches(attr, t.filter(), e)) {
                matching.add(e);
            }
        }
        if (op == PatchOp.REMOVE && t.sub() == null) {
            JsonKeys.put(box, attr.name(), without(existing, matching));
            return;
        }
        if (matching.isEmpty() && op == PatchOp.REMOVE) {
            return; // nothing to remove: not an error, so that retried removals succeed
        }
        if (matching.isEmpty()) {
            addFromFilter(op, t, value, existing);
            return;
        }
        if (t.sub() != null) {
            setOnElements(t, existing, matching, op == PatchOp.REMOVE ? null : values.normalize(t.sub(), value, t.text()));
            return;
        }
        JsonNode v = values.normalizeElement(attr, value, t.text());
        if (v == null) {
            JsonKeys.put(box, attr.name(), without(existing, matching)); // replace with null: the matched values go
            return;
        }
        for (ObjectNode e : matching) {
            for (Map.Entry<String, JsonNode> sub : v.properties()) {
                setSub(e, attr.subAttribute(sub.getKey()).orElseThrow(), sub.getValue(), t);
            }
        }
        clearOtherPrimaries(existing, matching);
    }

    /**
     * Nothing matched. Replace fails with noTarget (RFC 7644 §3.5.2.3). Add creates the element the
     * filter describes, as Entra expects for {@code emails[type eq "work"].value} on a user without one.
     */
    private void addFromFilter(PatchOp op, PatchTarget t, JsonNode value, ArrayNode existing) {
        ObjectNode template = op == PatchOp.ADD ? matcher.template(t.attribute(), t.filter()).orElse(null) : null;
        if (template == null) {
            throw ScimException.noTarget("No value of '" + t.attribute().name() + "' matches the filter in path '"
                    + t.text() + "'.");
        }
        if (t.sub() != null) {
            template.set(t.sub().name(), value);
        } else if (value != null && value.isObject()) {
            template.setAll((ObjectNode) value);
        } else if (value != null && !value.isNull()) {
            throw ScimException.invalidValue("Path '" + t.text() + "' expects a JSON object value.");
        }
        JsonNode element = values.normalizeElement(t.attribute(), template, t.text());
        if (element != null) {
            existing.add(element);
            clearOtherPrimaries(existing, List.of((ObjectNode) element));
        }
    }

    private void setOnElements(PatchTarget t, ArrayNode all, List<ObjectNode> elements, JsonNode v) {
        for (ObjectNode e : elements) {
            setSub(e, t, v);
        }
        clearOtherPrimaries(all, elements);
    }

    private void setSub(ObjectNode element, PatchTarget t, JsonNode v) {
        setSub(element, t.sub(), v, t);
    }

    private static void setSub(ObjectNode element, AttributeDef sub, JsonNode v, PatchTarget t) {
        JsonNode old = JsonKeys.get(element, sub.name());
        if (sub.mutability() == Mutability.IMMUTABLE && !JsonKeys.isUnassigned(old) && !old.equals(v)) {
            throw ScimException.mutability("'" + t.attribute().name() + "." + sub.name()
                    + "' is immutable and cannot be changed (path '" + t.text() + "').");
        }
        if (v == null) {
            JsonKeys.remove(element, sub.name());
        } else {
            JsonKeys.put(element, sub.name(), v);
        }
    }

    /** Only one primary (RFC 7643 §2.4): a value made primary by this operation demotes the others. */
    private static void clearOtherPrimaries(ArrayNode all, List<ObjectNode> touched) {
        for (ObjectNode e : touched) {
            if (MultiValues.isPrimary(e)) {
                MultiValues.clearPrimaryExcept(all, e);
                return;
            }
        }
    }

    /** The elements of {@code all} that are not (by identity) in {@code dropped}. */
    private static ArrayNode without(ArrayNode all, List<ObjectNode> dropped) {
        ArrayNode kept = JSON.arrayNode();
        for (JsonNode e : all) {
            if (dropped.stream().noneMatch(d -> d == e)) {
                kept.add(e);
            }
        }
        return kept;
    }

    /** Whether some element of {@code existing} already holds {@code candidate}. */
    private static boolean covered(ArrayNode existing, MultiValues.Index index, JsonNode candidate) {
        for (int i : index.candidates(candidate)) {
            if (MultiValues.covers(existing.get(i), candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code element} holds one of {@code doomed} (the values a remove names). */
    private static boolean covers(JsonNode element, ArrayNode doomed, MultiValues.Index index) {
        for (int i : index.candidates(element)) {
            if (MultiValues.covers(element, doomed.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The attribute's array, created (and stored) when absent. */
    private static ArrayNode array(ObjectNode box, AttributeDef attr) {
        JsonNode existing = JsonKeys.get(box, attr.name());
        if (existing != null && existing.isArray()) {
            return (ArrayNode) existing;
        }
        ArrayNode created = JSON.arrayNode();
        if (existing != null && existing.isObject()) {
            created.add(existing); // a stray single value: treat it as the one element
        }
        JsonKeys.put(box, attr.name(), created);
        return created;
    }

    private static List<ObjectNode> elements(ArrayNode array) {
        List<ObjectNode> out = new ArrayList<>();
        array.forEach(e -> {
            if (e.isObject()) {
                out.add((ObjectNode) e);
            }
        });
        return out;
    }
}
