package dev.rollcall.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.Mutability;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Brings the value of one attribute into canonical form: schema-cased sub-attribute names, coerced
 * scalar types, multi-valued attributes as arrays, no read-only or unknown sub-attributes, no
 * unassigned values. Used for whole resources (POST/PUT) and for PATCH operation values alike, so
 * both accept exactly the same shapes.
 *
 * <p>Lenient on shapes real clients send: a single object where an array is expected is one value; a
 * bare string for a complex value with a {@code value} sub-attribute (the single-valued enterprise
 * {@code manager}, or an element of {@code emails}) becomes {@code {"value": ...}}; an empty string
 * counts as unassigned. A bare scalar for a multi-valued attribute ({@code "emails": "nope"}) is refused. Unknown
 * sub-attributes are dropped, as unknown attributes are (see {@link ResourceNormalizer}).
 */
public final class AttributeValueNormalizer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * The canonical value of {@code def}, or null when it is unassigned (null, "", [] or {} after
     * normalisation). {@code path} names the attribute in error messages.
     *
     * @throws ScimException invalidValue for a value of the wrong type or shape (a bare scalar for a
     *                       multi-valued attribute), or several primaries
     */
    public JsonNode normalize(AttributeDef def, JsonNode value, String path) {
        if (JsonKeys.isUnassigned(value)) {
            return null;
        }
        if (!def.multiValued()) {
            if (value.isArray()) {
                throw ScimException.invalidValue("Attribute '" + path + "' is single-valued; an array is not allowed.");
            }
            return normalizeElement(def, value, path);
        }
        if (!value.isContainerNode()) {
            // wrapping "emails": "nope" into [{"value": "nope"}] would store what the client did not say
            throw ScimException.invalidValue("Attribute '" + path + "' is multi-valued: send an array of values, not a single "
                    + (value.isTextual() ? "string" : value.getNodeType().name().toLowerCase(Locale.ROOT)) + ".");
        }
        ArrayNode in = value.isArray() ? (ArrayNode) value : JSON.arrayNode().add(value); // one object is one value
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < in.size(); i++) {
            JsonNode element = normalizeElement(def, in.get(i), path + "[" + i + "]");
            if (element != null) {
                out.add(element);
            }
        }
        out = MultiValues.dedupe(out);
        long primaries = 0;
        for (JsonNode element : out) {
            primaries += MultiValues.isPrimary(element) ? 1 : 0;
        }
        if (primaries > 1) {
            throw ScimException.invalidValue("Attribute '" + path + "' has more than one value marked primary.");
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * One value of {@code def}: a single element of a multi-valued attribute, or the value of a
     * single-valued one. Null when unassigned.
     */
    public JsonNode normalizeElement(AttributeDef def, JsonNode value, String path) {
        if (JsonKeys.isUnassigned(value) || (value.isTextual() && value.asText().isEmpty())) {
            return null;
        }
        if (!def.isComplex()) {
            return ScalarCoercer.coerce(def, value, path);
        }
        if (value.isObject()) {
            return normalizeComplex(def, (ObjectNode) value, path);
        }
        Optional<AttributeDef> valueSub = def.subAttribute("value");
        if (value.isTextual() && valueSub.isPresent()) {
            // e.g. "manager": "42" as Entra and several HR connectors send it
            ObjectNode wrapped = JSON.objectNode();
            wrapped.set(valueSub.get().name(), value);
            return normalizeComplex(def, wrapped, path);
        }
        throw ScimException.invalidValue("Attribute '" + path + "' expects a complex value (a JSON object).");
    }

    private JsonNode normalizeComplex(AttributeDef def, ObjectNode value, String path) {
        Map<String, JsonNode> bySub = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            Optional<AttributeDef> sub = def.subAttribute(e.getKey());
            if (sub.isEmpty() || sub.get().mutability() == Mutability.READ_ONLY) {
                continue; // unknown or server-computed (members.display): ignored on input
            }
            String name = sub.get().name();
            if (bySub.containsKey(name)) {
                throw ScimException.invalidValue("Attribute '" + path + "' gives sub-attribute '" + name + "' twice.");
            }
            bySub.put(name, normalize(sub.get(), e.getValue(), path + "." + name));
        }
        ObjectNode out = JSON.objectNode();
        for (AttributeDef sub : def.subAttributes()) { // schema order: one canonical form
            JsonNode v = bySub.get(sub.name());
            if (v != null) {
                out.set(sub.name(), v);
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        if (def.multiValued() && def.subAttribute("value").isPresent() && !out.has("value")) {
            // an email or member without its value identifies nothing; Entra leaves such
            // shells behind after removing emails[type eq "work"].value
            return null;
        }
        return out;
    }
}
