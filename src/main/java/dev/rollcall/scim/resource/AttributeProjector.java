package dev.rollcall.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.CommonAttributes;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.Returned;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shapes a full resource for a response by {@code attributes} / {@code excludedAttributes}
 * (RFC 7644 §3.4.2.5, §3.9) and each attribute's {@code returned} characteristic (RFC 7643 §2.2):
 * {@code always} (id, schemas) is always there, {@code never} (password) never, {@code request} only
 * when named in {@code attributes}, {@code default} unless {@code attributes} is given without it or
 * {@code excludedAttributes} names it. When both lists are given, {@code attributes} picks and then
 * {@code excludedAttributes} removes. Keys the schema does not know are kept only when no
 * {@code attributes} list narrows the response.
 */
public final class AttributeProjector {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SchemaRegistry registry;

    public AttributeProjector(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param attributes         comma-separated attribute paths, or null
     * @param excludedAttributes comma-separated attribute paths, or null
     * @return a new object; {@code resource} is not modified
     * @throws ScimException invalidPath when an entry of either list is not an attribute path
     */
    public ObjectNode project(ResourceTypeDef type, ObjectNode resource, String attributes, String excludedAttributes) {
        AttributeSelection include = AttributeSelection.parse(registry, type, attributes, "attributes");
        AttributeSelection exclude = AttributeSelection.parse(registry, type, excludedAttributes, "excludedAttributes");
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> e : resource.properties()) {
            String key = e.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                out.set(key, e.getValue());
                continue;
            }
            Optional<SchemaDef> extension = SchemaUrns.extension(type, key);
            if (extension.isPresent()) {
                if (e.getValue().isObject()) {
                    ObjectNode projected = projectObject(extension.get(), (ObjectNode) e.getValue(), include, exclude);
                    if (!projected.isEmpty()) {
                        out.set(key, projected);
                    }
                }
                continue;
            }
            Optional<AttributeDef> def = type.core().attribute(key).or(() -> common(key));
            if (def.isEmpty()) {
                if (include.isEmpty()) {
                    out.set(key, e.getValue());
                }
                continue;
            }
            JsonNode projected = projectAttribute(type.core(), def.get(), e.getValue(), include, exclude);
            if (projected != null) {
                out.set(key, projected);
            }
        }
        return out;
    }

    private ObjectNode projectObject(SchemaDef schema, ObjectNode object, AttributeSelection include, AttributeSelection exclude) {
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            Optional<AttributeDef> def = schema.attribute(e.getKey());
            JsonNode projected = def.isEmpty()
                    ? (include.isEmpty() ? e.getValue() : null)
                    : projectAttribute(schema, def.get(), e.getValue(), include, exclude);
            if (projected != null) {
                out.set(e.getKey(), projected);
            }
        }
        return out;
    }

    /** The attribute's value as returned, or null when it is left out. */
    private static JsonNode projectAttribute(SchemaDef schema, AttributeDef attr, JsonNode value,
                                             AttributeSelection include, AttributeSelection exclude) {
        if (attr.returned() == Returned.NEVER) {
            return null;
        }
        if (attr.returned() == Returned.ALWAYS) {
            return value;
        }
        boolean whole;
        if (!include.isEmpty()) {
            whole = include.namesWhole(schema, attr);
            if (!whole && !include.namesSomeSub(schema, attr)) {
                return null;
            }
        } else {
            if (attr.returned() == Returned.REQUEST) {
                return null;
            }
            whole = true;
        }
        if (exclude.namesWhole(schema, attr)) {
            return null;
        }
        if (!attr.isComplex()) {
            return value;
        }
        boolean wholeSelection = whole;
        return mapElements(value, element -> projectSubs(schema, attr, element, wholeSelection, include, exclude));
    }

    private static ObjectNode projectSubs(SchemaDef schema, AttributeDef attr, ObjectNode element, boolean whole,
                                          AttributeSelection include, AttributeSelection exclude) {
        ObjectNode out = JSON.objectNode();
        for (Map.Entry<String, JsonNode> e : element.properties()) {
            Optional<AttributeDef> sub = attr.subAttribute(e.getKey());
            if (sub.isEmpty()) {
                if (whole) {
                    out.set(e.getKey(), e.getValue());
                }
                continue;
            }
            Returned returned = sub.get().returned();
            boolean keep = returned == Returned.ALWAYS
                    || (returned != Returned.NEVER
                        && (whole ? returned != Returned.REQUEST || include.namesSub(schema, attr, sub.get())
                                  : include.namesSub(schema, attr, sub.get()))
                        && !exclude.namesSub(schema, attr, sub.get()));
            if (keep) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Applies {@code f} to the object, or to each object of an array, dropping what ends up empty. */
    private static JsonNode mapElements(JsonNode value, Function<ObjectNode, ObjectNode> f) {
        if (value.isObject()) {
            ObjectNode projected = f.apply((ObjectNode) value);
            return projected.isEmpty() ? null : projected;
        }
        if (value.isArray()) {
            ArrayNode out = JSON.arrayNode();
            for (JsonNode element : value) {
                if (element.isObject()) {
                    ObjectNode projected = f.apply((ObjectNode) element);
                    if (!projected.isEmpty()) {
                        out.add(projected);
                    }
                } else {
                    out.add(element);
                }
            }
            return out.isEmpty() ? null : out;
        }
        return value;
    }

    private static Optional<AttributeDef> common(String name) {
        return CommonAttributes.ALL.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }
}
