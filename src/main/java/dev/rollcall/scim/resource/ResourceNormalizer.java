package dev.rollcall.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.CommonAttributes;
import dev.rollcall.schema.Mutability;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaUris;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a client's resource body (POST, PUT, or the result of a PATCH) into the canonical stored
 * form, or rejects it with a {@link ScimException}.
 *
 * <p>The canonical form holds only what a client may write: {@code schemas} (core first, then each
 * extension that has data), {@code externalId}, core attributes in schema order, then one object per
 * extension under its URN. Names are spelled as in the schema. Server-owned attributes ({@code id},
 * {@code meta}, {@code groups}, lifecycle {@code personId}, {@code members.display}) are never
 * taken from a client (RFC 7643 §2.2: readOnly values in a request are ignored); the caller adds them
 * when it renders a response.
 *
 * <p>Decisions for real clients:
 * <ul>
 * <li>{@code schemas} missing: the core schema is assumed (several HR connectors omit it). Present,
 * it must list the core schema and only schemas of this resource type (invalidValue otherwise: a
 * Group body sent to /Users must not be stored as a user).</li>
 * <li>Unknown attributes are dropped, not rejected: Entra and Okta send attributes a target does not
 * support whenever an admin maps one, and failing the whole provisioning cycle for them helps nobody.
 * An unknown schema URN as a key is rejected (invalidValue): it means the client believes in an
 * extension this server does not have, which an operator must fix.</li>
 * <li>{@code password} (writeOnly) is accepted and discarded: Rollcall never authenticates people,
 * so storing a password would only be a liability.</li>
 * </ul>
 */
public final class ResourceNormalizer {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String SCHEMAS = "schemas";

    /** Values one multi-valued attribute may hold unless configured otherwise. */
    public static final int DEFAULT_MAX_VALUES = 100;
    private final AttributeValueNormalizer values;
    private final int maxValues;

    public ResourceNormalizer(AttributeValueNormalizer values) {
        this(values, DEFAULT_MAX_VALUES);
    }

    public ResourceNormalizer(AttributeValueNormalizer values, int maxValues) {
        this.values = values;
        this.maxValues = maxValues;
    }

    /**
     * The canonical stored form of {@code body} for resource type {@code type}.
     *
     * @throws ScimException invalidSyntax when the body is not a JSON object; invalidValue for bad
     *                       {@code schemas}, unknown schema URN keys, values of the wrong type,
     *                       several primaries, more values than the limit in one multi-valued
     *                       attribute, or a required attribute missing or blank
     */
    public ObjectNode normalize(ResourceTypeDef type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object.");
        }
        checkSchemas(type, JsonKeys.get((ObjectNode) body, SCHEMAS));
        Map<SchemaDef, Map<String, JsonNode>> bySchema = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            String key = e.getKey();
            if (key.equalsIgnoreCase(SCHEMAS)) {
                continue;
            }
            if (SchemaUrns.looksLikeUrn(key)) {
                readUrnKey(type, key, e.getValue(), bySchema);
            } else {
                readAttribute(type.core(), true, key, e.getValue(), bySchema);
            }
        }
        ObjectNode out = assemble(type, bySchema);
        checkRequired(type, out);
        return out;
    }

    private static void checkSchemas(ResourceTypeDef type, JsonNode schemas) {
        if (schemas == null || schemas.isNull()) {
            return; // lenient: assumed to be the core schema
        }
        List<JsonNode> listed = new ArrayList<>();
        if (schemas.isTextual()) {
            listed.add(schemas);
        } else if (schemas.isArray()) {
            schemas.forEach(listed::add);
        } else {
            throw ScimException.invalidValue("'schemas' must be an array of schema URNs.");
        }
        boolean hasCore = false;
        for (JsonNode urn : listed) {
            if (!urn.isTextual()) {
                throw ScimException.invalidValue("'schemas' must be an array of schema URNs.");
            }
            String id = urn.asText();
            if (id.equalsIgnoreCase(type.core().id())) {
                hasCore = true;
            } else if (SchemaUrns.extension(type, id).isEmpty()) {
                throw ScimException.invalidValue("Schema '" + ScalarCoercer.abbreviate(id)
                        + "' is not a schema of resource type " + type.name() + ".");
            }
        }
        if (!hasCore) {
            throw ScimException.invalidValue("'schemas' must include " + type.core().id() + ".");
        }
    }

    private void readUrnKey(ResourceTypeDef type, String key, JsonNode value, Map<SchemaDef, Map<String, JsonNode>> out) {
        Optional<SchemaDef> extension = SchemaUrns.extension(type, key);
        if (extension.isPresent()) {
            if (value == null || value.isNull()) {
                return;
            }
            if (!value.isObject()) {
                throw ScimException.invalidValue("Extension '" + extension.get().id() + "' must be a JSON object.");
            }
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                readAttribute(extension.get(), false, e.getKey(), e.getValue(), out);
            }
            return;
        }
        Optional<SchemaUrns.Qualified> qualified = SchemaUrns.split(type, key);
        if (qualified.isEmpty()) {
            throw ScimException.invalidValue("Schema of '" + ScalarCoercer.abbreviate(key)
                    + "' is not a schema of resource type " + type.name() + ".");
        }
        // URN-qualified attribute as a key: "urn:...:enterprise:2.0:User:department": "Sales"
        readAttribute(qualified.get().schema(), qualified.get().core(), qualified.get().rest(), value, out);
    }

    private void readAttribute(SchemaDef schema, boolean core, String name, JsonNode value,
                               Map<SchemaDef, Map<String, JsonNode>> out) {
        Optional<AttributeDef> def = schema.attribute(name);
        if (def.isEmpty() && core) {
            def = CommonAttributes.ALL.stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
        }
        if (def.isEmpty()) {
            return; // unknown attribute: dropped (see class comment)
        }
        AttributeDef attr = def.get();
        if (attr.mutability() == Mutability.READ_ONLY || attr.mutability() == Mutability.WRITE_ONLY) {
            return; // readOnly: ignored on input; writeOnly (password): never stored
        }
        Map<String, JsonNode> attrs = out.computeIfAbsent(schema, s -> new HashMap<>());
        if (attrs.containsKey(attr.name())) {
            throw ScimException.invalidValue("Attribute '" + attr.name() + "' is given more than once.");
        }
        String path = core ? attr.name() : schema.id() + ":" + attr.name();
        // checked before normalising: every value costs index rows and match keys when stored. A group's
        // members are not: a group may rightly have many thousands, kept apart and handled in linear time
        boolean members = schema.id().equals(SchemaUris.GROUP) && attr.name().equals("members");
        if (attr.multiValued() && !members && value != null && value.isArray() && value.size() > maxValues) {
            throw ScimException.invalidValue("'" + path + "' has " + value.size() + " values; at most " + maxValues
                    + " are accepted (ROLLCALL_MAX_VALUES_PER_ATTRIBUTE).");
        }
        attrs.put(attr.name(), values.normalize(attr, value, path));
    }

    private ObjectNode assemble(ResourceTypeDef type, Map<SchemaDef, Map<String, JsonNode>> bySchema) {
        ObjectNode out = JSON.objectNode();
        ArrayNode schemas = out.putArray(SCHEMAS).add(type.core().id());
        Map<String, JsonNode> core = bySchema.getOrDefault(type.core(), Map.of());
        putIfPresent(out, CommonAttributes.EXTERNAL_ID.name(), core.get(CommonAttributes.EXTERNAL_ID.name()));
        for (AttributeDef a : type.core().attributes()) {
            putIfPresent(out, a.name(), core.get(a.name()));
        }
        for (SchemaDef ext : type.extensions()) {
            Map<String, JsonNode> attrs = bySchema.getOrDefault(ext, Map.of());
            ObjectNode extObject = JSON.objectNode();
            for (AttributeDef a : ext.attributes()) {
                putIfPresent(extObject, a.name(), attrs.get(a.name()));
            }
            if (!extObject.isEmpty()) {
                schemas.add(ext.id());
                out.set(ext.id(), extObject);
            }
        }
        return out;
    }

    private static void checkRequired(ResourceTypeDef type, ObjectNode resource) {
        for (AttributeDef a : type.core().attributes()) {
            checkRequired(a, resource.get(a.name()), a.name());
        }
        for (SchemaDef ext : type.extensions()) {
            JsonNode extObject = resource.get(ext.id());
            for (AttributeDef a : ext.attributes()) {
                checkRequired(a, extObject == null ? null : extObject.get(a.name()), ext.id() + ":" + a.name());
            }
        }
    }

    private static void checkRequired(AttributeDef a, JsonNode value, String path) {
        if (a.required() && (value == null || (value.isTextual() && value.asText().isBlank()))) {
            throw ScimException.invalidValue("Attribute '" + path + "' is required and must not be blank.");
        }
    }

    private static void putIfPresent(ObjectNode target, String name, JsonNode value) {
        if (value != null) {
            target.set(name, value);
        }
    }
}
