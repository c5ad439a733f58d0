package dev.rollcall.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.lifecycle.ChangeKind;
import dev.rollcall.lifecycle.HeldItem;
import dev.rollcall.lifecycle.HeldPush;
import dev.rollcall.lifecycle.Hold;
import dev.rollcall.lifecycle.HoldStatus;
import dev.rollcall.store.generated.enums.HoldItemAction;
import dev.rollcall.store.generated.enums.HoldTriggerKind;
import dev.rollcall.store.generated.tables.records.HoldItemRecord;
import dev.rollcall.store.generated.tables.records.HoldRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.JSON;

/** Maps hold and hold item rows to the domain's types, and a held push's facts and changes to JSON. */
final class HoldJson {
    private final ObjectMapper json;
    private final FactsJson facts;

    HoldJson(ObjectMapper json) {
        this.json = json;
        this.facts = new FactsJson(json);
    }

    JSON facts(AccountFacts f) {
        return f == null ? null : JSON.valueOf(facts.write(f));
    }

    JSON changes(List<HeldPush.Change> changes) {
        ArrayNode out = json.createArrayNode();
        changes.forEach(c -> out.addObject().put("attribute", c.attribute()).put("from", c.from()).put("to", c.to()));
        return JSON.valueOf(out.toString());
    }

    HeldItem toItem(HoldItemRecord r) {
        HeldPush push = new HeldPush(HeldPush.Action.valueOf(r.getAction().name().toUpperCase(Locale.ROOT)),
                r.getAccountPk(), r.getAccountId(), r.getPersonPk(), kinds(r.getKinds()),
                new Actor(r.getActor(), r.getCorrelationId()), r.getFacts() == null ? null : facts.read(r.getFacts().data()),
                changeList(r.getChanges().data()));
        return new HeldItem(r.getPk(), r.getHoldPk(), push, Clock.fromDb(r.getReceivedAt()), r.getStatus().getLiteral());
    }

    private List<HeldPush.Change> changeList(String data) {
        try {
            List<HeldPush.Change> out = new ArrayList<>();
            for (JsonNode c : json.readTree(data)) {
                out.add(new HeldPush.Change(c.path("attribute").asText(), text(c.get("from")), text(c.get("to"))));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored hold changes are not valid JSON", e);
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static Hold toHold(HoldRecord r) {
        return new Hold(r.getPk(), r.getId(), r.getSourceId(),
                HoldStatus.byWireName(r.getStatus().getLiteral()).orElseThrow(),
                ChangeKind.byWireName(r.getTriggerKind().getLiteral()).orElseThrow(), r.getTriggerDetail(),
                Clock.fromDb(r.getOpenedAt()), Clock.fromDb(r.getDecidedAt()), r.getDecidedBy(),
                Clock.fromDb(r.getFinishedAt()));
    }

    static String kinds(Set<ChangeKind> kinds) {
        return kinds.stream().map(ChangeKind::wireName).sorted().collect(Collectors.joining(","));
    }

    static Set<ChangeKind> kinds(String text) {
        return text.isEmpty() ? Set.of() : Arrays.stream(text.split(","))
                .map(k -> ChangeKind.byWireName(k).orElseThrow()).collect(Collectors.toSet());
    }

    static HoldTriggerKind toDb(ChangeKind kind) {
        return HoldTriggerKind.valueOf(kind.wireName());
    }

    static HoldItemAction toDb(HeldPush.Action action) {
        return HoldItemAction.valueOf(action.name().toLowerCase(Locale.ROOT));
    }

    static dev.rollcall.store.generated.enums.HoldStatus toDb(HoldStatus status) {
        return dev.rollcall.store.generated.enums.HoldStatus.valueOf(status.wireName());
    }
}
