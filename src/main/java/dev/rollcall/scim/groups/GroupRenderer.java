package dev.rollcall.scim.groups;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.http.ETags;
import dev.rollcall.directory.Group;
import dev.rollcall.directory.Member;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a stored group as the full SCIM Group: the stored body plus what the server owns — id,
 * meta and the members from group_member, each with value, $ref, display and type.
 */
public final class GroupRenderer {
    private final ObjectMapper json;

    public GroupRenderer(ObjectMapper json) {
        this.json = json;
    }

    /** The stored body alone (canonical client data, no members), as an editable tree. */
    public ObjectNode storedBody(Group group) {
        try {
            return (ObjectNode) json.readTree(group.document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored group " + group.id() + " is not valid JSON", e);
        }
    }

    public ObjectNode render(GroupView view, Function<String, String> userLocation, Function<String, String> groupLocation) {
        Group group = view.group();
        ObjectNode body = storedBody(group);
        ObjectNode out = json.createObjectNode();
        out.set("schemas", body.path("schemas"));
        out.put("id", group.id());
        for (Map.Entry<String, JsonNode> e : body.properties()) {
            if (!e.getKey().equals("schemas")) {
                out.set(e.getKey(), e.getValue());
            }
        }
        if (!view.members().isEmpty()) {
            ArrayNode members = out.putArray("members");
            for (Member m : view.members()) {
                boolean user = m.kind() == Member.Kind.USER;
                members.addObject()
                        .put("value", m.id())
                        .put("$ref", (user ? userLocation : groupLocation).apply(m.id()))
                        .put("display", m.display())
                        .put("type", m.kind().scimName());
            }
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("resourceType", "Group");
        meta.put("created", group.createdAt().toString());
        meta.put("lastModified", group.updatedAt().toString());
        meta.put("location", groupLocation.apply(group.id()));
        meta.put("version", ETags.of(group.version()));
        return out;
    }
}
