package dev.rollcall.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.rules.EventSnapshot;
import dev.rollcall.delivery.rules.PersonSnapshot;
import dev.rollcall.directory.FlatMembership;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.Persona;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of an event snapshot (table event_snapshot): written by the outbox in the change's
 * transaction, read back by the dispatcher and the preview. Its member names are those of the wire.
 */
public final class SnapshotJson {
    private final ObjectMapper json;

    public SnapshotJson(ObjectMapper json) {
        this.json = json;
    }

    /** {@code txn}: the id of the change's first event, shared by every event of that change (a SET's txn). */
    public String write(EventSnapshot s, String txn) {
        ObjectNode out = json.createObjectNode();
        out.put("txn", txn);
        if (s.person() != null) {
            PersonSnapshot p = s.person();
            ObjectNode person = out.putObject("person");
            person.put("id", p.id());
            person.put("sequence", p.sequence());
            if (p.state() != null) {
                person.put("state", p.state().wireName());
            }
            ArrayNode personas = person.putArray("personas");
            p.personas().forEach(x -> personas.add(persona(x)));
            ObjectNode golden = person.putObject("golden");
            new TreeMap<>(p.golden()).forEach(golden::put);
        } else {
            FlatMembership g = s.group();
            ObjectNode group = out.putObject("group");
            group.put("id", g.groupId());
            if (g.displayName() != null) {
                group.put("displayName", g.displayName());
            }
            ArrayNode members = group.putArray("members");
            for (FlatMembership.Entry e : g.members()) {
                ObjectNode m = members.addObject().put("accountId", e.accountId());
                if (e.personId() != null) {
                    m.put("personId", e.personId());
                }
                m.put("direct", e.direct());
            }
        }
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event snapshot could not be written", e);
        }
    }

    /** The change's transaction id the snapshot was stored with, or null. */
    public String txn(String stored) {
        JsonNode t = tree(stored).get("txn");
        return t == null || t.isNull() ? null : t.asText();
    }

    private JsonNode tree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored event snapshot is not valid JSON", e);
        }
    }

    public EventSnapshot read(String stored) {
        JsonNode in = tree(stored);
        JsonNode p = in.get("person");
        if (p != null) {
            List<Persona> personas = new ArrayList<>();
            p.get("personas").forEach(x -> personas.add(new Persona(Persona.Kind.valueOf(x.get("kind").asText().toUpperCase(
                    java.util.Locale.ROOT)), x.get("accountId").asText(), x.get("sourceId").asLong(), x.get("source").asText(),
                    x.get("active").asBoolean(), x.hasNonNull("crmAccountId") ? x.get("crmAccountId").asText() : null)));
            Map<String, String> golden = new TreeMap<>();
            p.get("golden").properties().forEach(f -> golden.put(f.getKey(), f.getValue().asText()));
            LifecycleState state = p.hasNonNull("state") ? LifecycleState.byWireName(p.get("state").asText()).orElse(null) : null;
            return EventSnapshot.of(new PersonSnapshot(p.get("id").asText(), p.get("sequence").asLong(), state, personas, golden));
        }
        JsonNode g = in.get("group");
        List<FlatMembership.Entry> members = new ArrayList<>();
        g.get("members").forEach(m -> members.add(new FlatMembership.Entry(m.get("accountId").asText(),
                m.hasNonNull("personId") ? m.get("personId").asText() : null, m.get("direct").asBoolean())));
        return EventSnapshot.of(new FlatMembership(g.get("id").asText(),
                g.hasNonNull("displayName") ? g.get("displayName").asText() : null, members));
    }

    private ObjectNode persona(Persona p) {
        ObjectNode out = json.createObjectNode();
        out.put("kind", p.kind().wireName());
        out.put("accountId", p.accountId());
        out.put("sourceId", p.sourceId());
        out.put("source", p.sourceName());
        out.put("active", p.active());
        if (p.crmAccountId() != null) {
            out.put("crmAccountId", p.crmAccountId());
        }
        return out;
    }
}
