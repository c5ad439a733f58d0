package dev.rollcall.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.GoldenComputer;
import dev.rollcall.identity.GoldenValue;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.PersonDetail;
import dev.rollcall.identity.Persona;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.TimelineEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The wire form of one person (lifecycle state and timers, golden record with provenance, personas, accounts, cases) and its timeline. */
final class PersonDetailViews {
    private final ObjectMapper json;

    PersonDetailViews(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode detail(PersonDetail p, Map<Long, Source> sources) {
        ObjectNode node = json.createObjectNode();
        node.put("id", p.id());
        node.put("state", p.state() == null ? null : p.state().wireName());
        node.put("stateReason", p.stateReason());
        SourceViews.time(node, "stateSince", p.stateSince());
        SourceViews.time(node, "graceUntil", p.graceUntil());
        ArrayNode timers = node.putArray("pendingTimers");
        p.pendingTimers().forEach(t -> SourceViews.time(timers.addObject().put("kind", t.kind()).put("reason", t.reason()),
                "dueAt", t.dueAt()));
        node.put("onLeave", p.onLeaveSince() != null);
        SourceViews.time(node, "leaveSince", p.onLeaveSince());
        previousManager(node, p);
        node.put("provisional", p.provisional());
        node.put("mergedInto", p.mergedIntoId());
        ObjectNode golden = node.putObject("golden");
        new TreeMap<>(p.golden().values()).forEach((attr, v) -> golden.set(attr, golden(v, sources)));
        ArrayNode personas = node.putArray("personas");
        for (Persona persona : p.personas()) {
            ObjectNode item = personas.addObject().put("persona", persona.kind().wireName()).put("source", persona.sourceName())
                    .put("accountId", persona.accountId()).put("active", persona.active())
                    .put("crmAccountId", persona.crmAccountId());
            SourceViews.time(item, "transferGraceUntil", persona.transferGraceUntil());
        }
        ArrayNode accounts = node.putArray("accounts");
        p.accounts().forEach(a -> accounts.add(account(a)));
        ArrayNode cases = node.putArray("openCases");
        p.openCaseIds().forEach(cases::add);
        node.put("version", p.version());
        SourceViews.time(node, "createdAt", p.createdAt());
        SourceViews.time(node, "updatedAt", p.updatedAt());
        return node;
    }

    /** The manager before the last change and until when it stays visible (the manager grace), or null. */
    private static void previousManager(ObjectNode node, PersonDetail p) {
        String value = p.golden().value(GoldenComputer.MANAGER_PREVIOUS);
        if (value == null) {
            node.putNull("previousManager");
        } else {
            node.putObject("previousManager").put("value", value)
                    .put("until", p.golden().value(GoldenComputer.MANAGER_PREVIOUS_UNTIL));
        }
    }

    ObjectNode timeline(String personId, List<TimelineEntry> entries) {
        ObjectNode node = json.createObjectNode();
        node.put("personId", personId);
        ArrayNode items = node.putArray("entries");
        for (TimelineEntry e : entries) {
            ObjectNode item = items.addObject();
            SourceViews.time(item, "at", e.at());
            item.put("kind", e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.put("type", e.type());
            item.put("actor", e.actor());
            item.set("details", parse(e.detailsJson()));
        }
        return node;
    }

    private ObjectNode golden(GoldenValue v, Map<Long, Source> sources) {
        ObjectNode node = json.createObjectNode();
        node.put("value", v.value());
        Source source = sources.get(v.provenance().sourceId());
        node.put("source", source == null ? null : source.name());
        node.put("sourceKind", source == null ? null : source.kind().wireName());
        node.put("accountId", v.provenance().accountId());
        SourceViews.time(node, "at", v.provenance().at());
        return node;
    }

    private ObjectNode account(LinkedAccount a) {
        ObjectNode node = json.createObjectNode();
        node.put("id", a.id());
        // how IT finds the record in the source itself
        node.put("userName", a.userName());
        node.put("externalId", a.externalId());
        node.put("source", a.source().name());
        node.put("sourceKind", a.kind().wireName());
        node.put("active", a.active());
        ObjectNode facts = node.putObject("facts");
        new TreeMap<>(a.facts().attributes()).forEach(facts::put);
        SourceViews.time(node, "createdAt", a.createdAt());
        SourceViews.time(node, "updatedAt", a.updatedAt());
        return node;
    }

    /** Stored records are JSON; should one not be, it is shown as text rather than failing the page. */
    private JsonNode parse(String text) {
        if (text == null) {
            return json.nullNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
