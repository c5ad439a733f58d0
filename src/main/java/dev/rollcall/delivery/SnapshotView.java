package dev.rollcall.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.rules.PersonSnapshot;
import dev.rollcall.directory.FlatMembership;
import dev.rollcall.identity.Persona;
import java.util.Map;

/**
 * The {@code person} and {@code group} members of a payload (both formats): the person's id, sequence,
 * lifecycle state, personas and its attributes as the subscription's mapping made them; the group's
 * flattened membership.
 */
public final class SnapshotView {
    private final ObjectMapper json;

    public SnapshotView(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode person(PersonSnapshot p, Map<String, String> attributes) {
        ObjectNode out = json.createObjectNode();
        out.put("id", p.id());
        out.put("sequence", p.sequence());
        if (p.state() != null) {
            out.put("state", p.state().wireName());
        }
        ArrayNode personas = out.putArray("personas");
        for (Persona x : p.personas()) {
            ObjectNode o = personas.addObject();
            o.put("kind", x.kind().wireName());
            o.put("accountId", x.accountId());
            o.put("source", x.sourceName());
            o.put("active", x.active());
            if (x.crmAccountId() != null) {
                o.put("crmAccountId", x.crmAccountId());
            }
        }
        ObjectNode attrs = out.putObject("attributes");
        attributes.forEach(attrs::put);
        return out;
    }

    public ObjectNode group(FlatMembership g) {
        ObjectNode out = json.createObjectNode();
        out.put("id", g.groupId());
        if (g.displayName() != null) {
            out.put("displayName", g.displayName());
        }
        ArrayNode members = out.putArray("members");
        for (FlatMembership.Entry e : g.members()) {
            ObjectNode m = members.addObject().put("accountId", e.accountId());
            if (e.personId() != null) {
                m.put("personId", e.personId());
            }
            m.put("direct", e.direct());
        }
        return out;
    }
}
