package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.GoldenValue;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.identity.PeopleDirectory.ListedAccount;
import dev.rollcall.identity.PeopleDirectory.ListedPerson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The wire form of persons in the admin API's list. */
final class PersonViews {
    private final ObjectMapper json;

    PersonViews(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode summary(ListedPerson p, List<ListedAccount> accounts) {
        ObjectNode node = json.createObjectNode();
        node.put("id", p.id());
        node.put("state", p.state() == null ? null : p.state().wireName());
        node.put("provisional", p.provisional());
        node.put("displayName", displayName(p.golden()));
        node.put("email", value(p.golden(), "email"));
        node.put("userName", value(p.golden(), "userName"));
        ArrayNode personas = node.putArray("personas");
        personas(accounts).forEach(personas::add);
        ArrayNode linked = node.putArray("accounts");
        for (ListedAccount a : accounts) {
            linked.addObject().put("source", a.sourceName()).put("id", a.id()).put("userName", a.userName())
                    .put("active", a.active());
        }
        SourceViews.time(node, "createdAt", p.createdAt());
        SourceViews.time(node, "updatedAt", p.updatedAt());
        return node;
    }

    /** employee, workforce, external: one per kind of source the person has an account in. */
    static Set<String> personas(List<ListedAccount> accounts) {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, SourceKind> e : PeopleQueries.PERSONAS.entrySet()) {
            if (accounts.stream().anyMatch(a -> a.sourceKind() == e.getValue())) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    static String displayName(GoldenRecord golden) {
        String display = value(golden, "displayName");
        if (display != null) {
            return display;
        }
        String formatted = value(golden, "name.formatted");
        if (formatted != null) {
            return formatted;
        }
        String given = value(golden, "name.givenName");
        String family = value(golden, "name.familyName");
        if (given == null && family == null) {
            return null;
        }
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
    }

    static String value(GoldenRecord golden, String attribute) {
        GoldenValue v = golden.values().get(attribute);
        return v == null ? null : v.value();
    }
}
