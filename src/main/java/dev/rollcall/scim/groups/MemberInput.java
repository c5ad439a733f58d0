package dev.rollcall.scim.groups;

import dev.rollcall.directory.RequestedMember;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.resource.AttributeValueNormalizer;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Takes {@code members} out of a Group body. Members live in group_member, not in the stored body, and
 * a group may hold thousands: they are normalised one by one and de-duplicated by {@code value} in
 * linear time here rather than by the generic (quadratic) multi-value rules.
 *
 * <p>{@code $ref} and {@code display} are ignored on input: both are derived from {@code value}.
 */
public final class MemberInput {
    private static final String MEMBERS_URN = SchemaUris.GROUP + ":members";
    private final AttributeValueNormalizer values;
    private final AttributeDef members;

    public MemberInput(AttributeValueNormalizer values, SchemaRegistry schemas) {
        this.values = values;
        this.members = schemas.group().core().attribute("members").orElseThrow();
    }

    /**
     * Removes every {@code members} key (any case, or URN-qualified) from {@code body} and returns the
     * members it held, first occurrence of each id first.
     *
     * @throws ScimException invalidValue for a member that is not an object with a string value, or a
     *                       type other than User or Group
     */
    public List<RequestedMember> take(ObjectNode body) {
        Map<String, RequestedMember> byId = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (key.equalsIgnoreCase("members") || key.equalsIgnoreCase(MEMBERS_URN)) {
                read(body.remove(key), byId);
            }
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * The members named by a {@code members} value (an array of member objects, or one object), de-duplicated.
     *
     * @throws ScimException invalidValue as for {@link #take}
     */
    public List<RequestedMember> read(JsonNode value) {
        Map<String, RequestedMember> byId = new LinkedHashMap<>();
        read(value, byId);
        return new ArrayList<>(byId.values());
    }

    private void read(JsonNode value, Map<String, RequestedMember> byId) {
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isContainerNode()) {
            throw ScimException.invalidValue("Attribute 'members' is multi-valued: send an array of members, not a single "
                    + (value.isTextual() ? "string" : "value") + ".");
        }
        ArrayNode array = value.isArray() ? (ArrayNode) value : JsonNodeFactory.instance.arrayNode().add(value);
        for (int i = 0; i < array.size(); i++) {
            String path = "members[" + i + "]";
            JsonNode element = array.get(i);
            if (element.isObject()) {
                element = ((ObjectNode) element).deepCopy();
                removeKey((ObjectNode) element, "$ref");
            }
            JsonNode normalized = values.normalizeElement(members, element, path);
            if (normalized == null) {
                continue; // {} or a member without value identifies nothing (see AttributeValueNormalizer)
            }
            String id = normalized.path("value").asText();
            if (id.isBlank()) {
                throw ScimException.invalidValue("Attribute '" + path + ".value' must not be blank.");
            }
            byId.putIfAbsent(id, new RequestedMember(id, type(normalized.get("type"), path)));
        }
    }

    private static String type(JsonNode type, String path) {
        if (type == null || type.isNull()) {
            return null;
        }
        return switch (type.asText().toLowerCase(Locale.ROOT)) {
            case "user" -> "User";
            case "group" -> "Group";
            default -> throw ScimException.invalidValue("Attribute '" + path + ".type' must be User or Group, not '"
                    + type.asText() + "'.");
        };
    }

    /**
     * A copy of a PatchOp request without any {@code $ref} in its values: a Group's only references
     * are {@code members.$ref}, derived from {@code value}, and a client's absolute URL (which may name
     * another host or port) must not stop {@code remove members [{"value":…, "$ref":…}]} from matching.
     */
    public JsonNode withoutRefs(JsonNode patchRequest) {
        JsonNode copy = patchRequest.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            removeKey((ObjectNode) node, "$ref");
        }
        if (node.isContainerNode()) {
            node.forEach(MemberInput::strip);
        }
    }

    private static void removeKey(ObjectNode object, String name) {
        List<String> doomed = new ArrayList<>();
        object.fieldNames().forEachRemaining(n -> {
            if (n.equalsIgnoreCase(name)) {
                doomed.add(n);
            }
        });
        object.remove(doomed);
    }
}
