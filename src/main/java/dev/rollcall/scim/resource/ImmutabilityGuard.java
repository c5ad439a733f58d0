package dev.rollcall.scim.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.CommonAttributes;
import dev.rollcall.schema.Mutability;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Enforces {@code mutability: immutable} (RFC 7643 §2.2) on PUT and PATCH: a value once set cannot
 * be changed. Elements of a multi-valued attribute may still be added and removed (a group gains and
 * loses members); what cannot change is an immutable sub-attribute of an element that stays, such as
 * the {@code type} of member {@code u1}. Elements are paired by their {@code value}.
 *
 * <p>Leaving an immutable value out of a PUT (or removing a whole element) is not treated as changing
 * it: only a different value is. Clients often send only what they manage.
 */
public final class ImmutabilityGuard {

    /**
     * @param before the stored resource (canonical form)
     * @param after  the resource about to be stored
     * @throws ScimException mutability when an immutable value set in {@code before} differs in {@code after}
     */
    public void check(ResourceTypeDef type, ObjectNode before, ObjectNode after) {
        List<AttributeDef> core = new ArrayList<>(type.core().attributes());
        core.addAll(CommonAttributes.ALL);
        checkAttributes(core, before, after, "");
        for (SchemaDef ext : type.extensions()) {
            JsonNode b = JsonKeys.get(before, ext.id());
            JsonNode a = JsonKeys.get(after, ext.id());
            if (b != null && b.isObject() && a != null && a.isObject()) {
                checkAttributes(ext.attributes(), (ObjectNode) b, (ObjectNode) a, ext.id() + ":");
            }
        }
    }

    private static void checkAttributes(List<AttributeDef> defs, ObjectNode before, ObjectNode after, String prefix) {
        for (AttributeDef def : defs) {
            JsonNode b = JsonKeys.get(before, def.name());
            JsonNode a = JsonKeys.get(after, def.name());
            if (JsonKeys.isUnassigned(b) || JsonKeys.isUnassigned(a)) {
                continue;
            }
            String path = prefix + def.name();
            if (def.mutability() == Mutability.IMMUTABLE && !same(def, b, a)) {
                throw ScimException.mutability("Attribute '" + path + "' is immutable and cannot be changed.");
            }
            if (!def.isComplex() || def.subAttributes().stream().noneMatch(s -> s.mutability() == Mutability.IMMUTABLE)) {
                continue;
            }
            if (def.multiValued()) {
                checkElements(def, b, a, path);
            } else if (b.isObject() && a.isObject()) {
                checkSubs(def, (ObjectNode) b, (ObjectNode) a, path);
            }
        }
    }

    private static void checkElements(AttributeDef def, JsonNode before, JsonNode after, String path) {
        if (def.subAttribute("value").isEmpty() || !before.isArray() || !after.isArray()) {
            return;
        }
        Map<JsonNode, List<ObjectNode>> afterByValue = new HashMap<>(); // linear for large groups
        for (JsonNode a : after) {
            if (a.isObject() && a.hasNonNull("value")) {
                afterByValue.computeIfAbsent(a.get("value"), k -> new ArrayList<>()).add((ObjectNode) a);
            }
        }
        for (JsonNode b : before) {
            if (b.isObject() && b.hasNonNull("value")) {
                for (ObjectNode a : afterByValue.getOrDefault(b.get("value"), List.of())) {
                    checkSubs(def, (ObjectNode) b, a, path);
                }
            }
        }
    }

    private static void checkSubs(AttributeDef def, ObjectNode before, ObjectNode after, String path) {
        for (AttributeDef sub : def.subAttributes()) {
            JsonNode b = JsonKeys.get(before, sub.name());
            JsonNode a = JsonKeys.get(after, sub.name());
            if (sub.mutability() == Mutability.IMMUTABLE && !JsonKeys.isUnassigned(b) && !JsonKeys.isUnassigned(a)
                    && !same(sub, b, a)) {
                throw ScimException.mutability("Attribute '" + path + "." + sub.name()
                        + "' is immutable and cannot be changed.");
            }
        }
    }

    private static boolean same(AttributeDef def, JsonNode b, JsonNode a) {
        if (!def.caseExact() && b.isTextual() && a.isTextual()) {
            return b.asText().equalsIgnoreCase(a.asText());
        }
        return b.equals(a);
    }
}
