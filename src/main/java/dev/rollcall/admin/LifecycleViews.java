package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.lifecycle.HeldPush;
import dev.rollcall.lifecycle.Hold;
import dev.rollcall.lifecycle.HoldQueries;
import dev.rollcall.lifecycle.TimerQueries;
import java.util.Locale;

/** The wire form of timers and holds. */
final class LifecycleViews {
    private final ObjectMapper json;

    LifecycleViews(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode timer(TimerQueries.Listed t) {
        ObjectNode node = json.createObjectNode();
        node.put("id", Long.toString(t.pk()));
        node.put("personId", t.personId());
        node.put("kind", t.kind() == null ? null : t.kind().wireName());
        node.put("reason", t.reason());
        SourceViews.time(node, "dueAt", t.dueAt());
        node.put("status", t.status());
        SourceViews.time(node, "createdAt", t.createdAt());
        SourceViews.time(node, "finishedAt", t.finishedAt());
        node.put("finishedBy", t.finishedBy());
        node.put("movedFrom", t.movedFrom() == null ? null : Long.toString(t.movedFrom()));
        return node;
    }

    ObjectNode hold(HoldQueries.Summary s) {
        Hold h = s.hold();
        ObjectNode node = json.createObjectNode();
        node.put("id", h.id());
        node.put("source", s.sourceName());
        node.put("status", h.status().wireName());
        node.put("trigger", h.trigger().wireName());
        node.put("triggerDetail", h.triggerDetail());
        SourceViews.time(node, "openedAt", h.openedAt());
        SourceViews.time(node, "decidedAt", h.decidedAt());
        node.put("decidedBy", h.decidedBy());
        SourceViews.time(node, "finishedAt", h.finishedAt());
        node.putObject("counts").put("pending", s.pending()).put("applied", s.applied()).put("discarded", s.discarded());
        return node;
    }

    ObjectNode item(HoldQueries.Item i) {
        HeldPush p = i.item().push();
        ObjectNode node = json.createObjectNode();
        node.put("id", Long.toString(i.item().pk()));
        node.put("personId", i.personId());
        node.put("accountId", p.accountId());
        node.put("action", p.action().name().toLowerCase(Locale.ROOT));
        ArrayNode kinds = node.putArray("kinds");
        p.kinds().stream().map(k -> k.wireName()).sorted().forEach(kinds::add);
        ArrayNode changes = node.putArray("changes");
        p.changes().forEach(c -> changes.addObject().put("attribute", c.attribute()).put("from", c.from()).put("to", c.to()));
        node.put("pushedBy", p.actor().name());
        SourceViews.time(node, "receivedAt", i.item().receivedAt());
        node.put("status", i.item().status());
        return node;
    }
}
