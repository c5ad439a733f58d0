package dev.rollcall.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.resource.AttributeValueNormalizer;
import dev.rollcall.scim.resource.ImmutabilityGuard;
import dev.rollcall.scim.resource.JsonKeys;
import dev.rollcall.scim.resource.ScalarCoercer;
import dev.rollcall.scim.resource.SchemaUrns;
import dev.rollcall.schema.Mutability;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaRegistry;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a SCIM PATCH request (RFC 7644 §3.5.2) to a resource, in memory.
 *
 * <p>Usage by the endpoint: {@code patched = engine.apply(type, stored, body)}, then
 * {@code normalizer.normalize(type, patched)} (types, required attributes, canonical form) and store.
 * The engine never mutates {@code current}; operations apply in order and any failure fails the whole
 * request, so a bad operation never leaves a partial change.
 *
 * <p>Paths are strict, values are lenient: a path naming an unknown attribute is invalidPath and a
 * path to a readOnly attribute is mutability, but in a no-path operation (whose value is a set of
 * attributes, like a body) unknown attributes are dropped and readOnly ones ignored — Okta renames a
 * group with {@code {"op":"replace","value":{"id":"...","displayName":"..."}}}.
 */
public final class PatchEngine {
    /** Operations accepted in one PATCH request unless configured otherwise. */
    public static final int DEFAULT_MAX_OPERATIONS = 1000;
    private final PatchRequestReader reader;
    private final int maxOperations;
    private final PatchTargetResolver resolver;
    private final TargetEditor editor;
    private final ImmutabilityGuard guard;

    public PatchEngine(SchemaRegistry registry, AttributeValueNormalizer values, ImmutabilityGuard guard) {
        this(registry, values, guard, DEFAULT_MAX_OPERATIONS);
    }

    public PatchEngine(SchemaRegistry registry, AttributeValueNormalizer values, ImmutabilityGuard guard, int maxOperations) {
        this.maxOperations = maxOperations;
        this.reader = new PatchRequestReader(maxOperations);
        ValueFilterMatcher matcher = new ValueFilterMatcher();
        this.resolver = new PatchTargetResolver(registry, matcher);
        this.editor = new TargetEditor(values, matcher);
        this.guard = guard;
    }

    /**
     * The resource after every operation of {@code patchRequest}.
     *
     * @param current the stored resource; not modified
     * @throws ScimException invalidSyntax/invalidValue for a malformed request; invalidPath for a
     *                       malformed or unknown path; mutability for a readOnly target, removing a
     *                       required attribute or changing an immutable value; noTarget for a remove
     *                       without path or a replace whose filter matches nothing; invalidValue for a
     *                       value of the wrong type; invalidFilter for a filter operator that does not
     *                       fit the attribute's type
     */
    public ObjectNode apply(ResourceTypeDef type, ObjectNode current, JsonNode patchRequest) {
        ObjectNode result = current.deepCopy();
        for (PatchOperation operation : reader.read(patchRequest)) {
            try {
                if (operation.path() == null) {
                    applyWithoutPath(type, operation, result);
                } else {
                    applyWithPath(type, operation, result);
                }
            } catch (ScimException e) {
                throw new ScimException(e.status(), e.scimType(), operation.label() + ": " + e.getMessage());
            }
        }
        guard.check(type, current, result);
        return result;
    }

    /**
     * Refuses a request with more operations than one PATCH may carry (for callers that read the
     * operations themselves, such as the group patcher).
     *
     * @throws ScimException invalidValue naming the limit
     */
    public void checkOperationCount(int operations) {
        PatchRequestReader.checkCount(operations, maxOperations);
    }

    private void applyWithPath(ResourceTypeDef type, PatchOperation operation, ObjectNode resource) {
        PatchTarget t = resolver.resolve(type, operation.path());
        if (t.isExtensionObject()) {
            applyToExtension(type, operation.op(), t.schema(), operation.value(), resource);
            return;
        }
        if (t.attribute().mutability() == Mutability.READ_ONLY
                || (t.sub() != null && t.sub().mutability() == Mutability.READ_ONLY)) {
            throw ScimException.mutability("'" + t.text() + "' is readOnly.");
        }
        if (operation.op() == PatchOp.REMOVE && t.filter() == null && t.sub() == null && t.attribute().required()) {
            throw ScimException.mutability("'" + t.attribute().name() + "' is required and cannot be removed.");
        }
        editAt(t, operation.op(), operation.value(), resource);
    }

    /**
     * No path: the value is a set of attributes. Keys may be names, dotted sub-attribute paths
     * ({@code name.givenName}), URN-qualified names, or an extension URN with an object (Entra sends all three).
     */
    private void applyWithoutPath(ResourceTypeDef type, PatchOperation operation, ObjectNode resource) {
        if (operation.op() == PatchOp.REMOVE) {
            throw ScimException.noTarget("A remove operation needs a 'path'.");
        }
        JsonNode value = operation.value();
        if (value == null || !value.isObject()) {
            throw ScimException.invalidValue("Without a 'path', the value must be a JSON object of attributes.");
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String key = e.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            Optional<SchemaDef> extension = SchemaUrns.extension(type, key);
            if (extension.isPresent()) {
                applyToExtension(type, operation.op(), extension.get(), e.getValue(), resource);
            } else if (SchemaUrns.looksLikeUrn(key) && SchemaUrns.split(type, key).isEmpty()) {
                throw ScimException.invalidValue("'" + ScalarCoercer.abbreviate(key)
                        + "' is not a schema of resource type " + type.name() + ".");
            } else {
                applyLenient(type, operation.op(), key, e.getValue(), resource);
            }
        }
    }

    /** The whole extension object as target: remove drops it, add/replace apply its keys one by one. */
    private void applyToExtension(ResourceTypeDef type, PatchOp op, SchemaDef extension, JsonNode value, ObjectNode resource) {
        if (op == PatchOp.REMOVE || value == null || value.isNull()) {
            if (op != PatchOp.ADD) {
                JsonKeys.remove(resource, extension.id());
            }
            return;
        }
        if (!value.isObject()) {
            throw ScimException.invalidValue("The value for '" + extension.id() + "' must be a JSON object.");
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            applyLenient(type, op, extension.id() + ":" + e.getKey(), e.getValue(), resource);
        }
    }

    /** A key from a value object: unknown or malformed names are dropped and readOnly ones ignored, as in a body. */
    private void applyLenient(ResourceTypeDef type, PatchOp op, String key, JsonNode value, ObjectNode resource) {
        Optional<PatchTarget> found;
        try {
            found = resolver.find(type, key);
        } catch (ScimException notAPath) {
            return;
        }
        if (found.isEmpty() || found.get().isExtensionObject()) {
            return;
        }
        PatchTarget t = found.get();
        if (t.attribute().mutability() == Mutability.READ_ONLY
                || (t.sub() != null && t.sub().mutability() == Mutability.READ_ONLY)) {
            return;
        }
        editAt(t, op, value, resource);
    }

    private void editAt(PatchTarget t, PatchOp op, JsonNode value, ObjectNode resource) {
        ObjectNode box = resource;
        if (!t.core()) {
            JsonNode ext = JsonKeys.get(resource, t.schema().id());
            if (ext == null || !ext.isObject()) {
                if (op == PatchOp.REMOVE) {
                    return; // nothing there to remove
                }
                ext = resource.objectNode();
            }
            box = (ObjectNode) ext;
            JsonKeys.put(resource, t.schema().id(), box);
        }
        editor.apply(op, t, value, box);
        if (!t.core() && box.isEmpty()) {
            JsonKeys.remove(resource, t.schema().id());
        }
    }
}
