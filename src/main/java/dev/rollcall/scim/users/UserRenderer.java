package dev.rollcall.scim.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.http.ETags;
import dev.rollcall.schema.SchemaUris;
import dev.rollcall.directory.Account;
import dev.rollcall.directory.GroupMembership;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a stored account as the full SCIM User: the stored body plus what the server owns —
 * id, meta, the linked personId in the lifecycle extension and the computed groups.
 */
public final class UserRenderer {
    private final ObjectMapper json;

    public UserRenderer(ObjectMapper json) {
        this.json = json;
    }

    /** The stored body alone (canonical client data), as an editable tree. */
    public ObjectNode storedBody(Account account) {
        try {
            return (ObjectNode) json.readTree(account.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored account " + account.id() + " is not valid JSON", e);
        }
    }

    public ObjectNode render(UserView view, Function<String, String> userLocation, Function<String, String> groupLocation) {
        Account account = view.account();
        ObjectNode body = storedBody(account);
        ObjectNode out = json.createObjectNode();
        ArrayNode schemas = out.putArray("schemas");
        body.path("schemas").forEach(schemas::add);
        if (!contains(schemas, SchemaUris.LIFECYCLE_USER)) {
            schemas.add(SchemaUris.LIFECYCLE_USER);
        }
        out.put("id", account.id());
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!e.getKey().equals("schemas")) {
                out.set(e.getKey(), e.getValue());
            }
        }
        ObjectNode lifecycle = out.has(SchemaUris.LIFECYCLE_USER)
                ? (ObjectNode) out.get(SchemaUris.LIFECYCLE_USER) : out.putObject(SchemaUris.LIFECYCLE_USER);
        lifecycle.put("personId", account.personId());
        if (!view.groups().isEmpty()) {
            ArrayNode groups = out.putArray("groups");
            for (GroupMembership g : view.groups()) {
                groups.addObject()
                        .put("value", g.groupId())
                        .put("$ref", groupLocation.apply(g.groupId()))
                        .put("display", g.displayName())
                        .put("type", g.direct() ? "direct" : "indirect");
            }
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", "User");
        meta.put("created", account.createdAt().toString());
        meta.put("lastModified", account.updatedAt().toString());
        meta.put("location", userLocation.apply(account.id()));
        meta.put("version", ETags.of(account.version()));
        return out;
    }

    private static boolean contains(ArrayNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
