package dev.rollcall.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One locked person being changed in a transaction: recomputes its golden record, numbers its
 * events, and saves both at the end.
 */
final class PersonWork {
    private final IdentityTx tx;
    private final PersonRow row;
    private final List<DomainEvent> events = new ArrayList<>();
    private GoldenRecord golden;
    private long seq;

    PersonWork(IdentityTx tx, long personPk) {
        this.tx = tx;
        this.row = tx.lockPerson(personPk);
        this.golden = row.golden();
        this.seq = row.eventSeq();
    }

    PersonRow row() {
        return row;
    }

    String id() {
        return row.id();
    }

    GoldenRecord golden() {
        return golden;
    }

    /** Recomputes the golden record from all linked accounts; returns what changed. */
    List<AttributeChange> recompute(GoldenComputer computer, AuthorityMatrix matrix, PrimaryManagerRule rule, Instant now) {
        GoldenComputer.Result r = computer.compute(golden, tx.linkedAccounts(row.pk()), matrix, rule, now);
        golden = r.golden();
        return r.changes();
    }

    void emit(String type, Long sourceId, Map<String, Object> payload) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("personId", row.id());
        p.putAll(payload);
        events.add(new DomainEvent(type, row.id(), ++seq, sourceId, p));
    }

    /** Emits person.updated when the golden record changed. */
    void emitChanges(List<AttributeChange> changes, Long sourceId, String cause) {
        if (!changes.isEmpty() && !row.provisional()) {
            emit("person.updated", sourceId, Map.of("cause", cause, "changes", changeList(changes)));
        }
    }

    void save(Instant now) {
        tx.savePerson(row.pk(), golden, seq, now);
        tx.appendEvents(now, events);
    }

    static List<Map<String, Object>> changeList(List<AttributeChange> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AttributeChange c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("attribute", c.attribute());
            m.put("old", c.oldValue());
            m.put("new", c.newValue());
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> goldenMap(GoldenRecord golden) {
        Map<String, Object> out = new LinkedHashMap<>();
        golden.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), e.getValue().value()));
        return out;
    }

    static List<Map<String, Object>> evidenceList(List<Evidence> evidence) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence e : evidence) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", e.rule());
            m.put("points", e.points());
            m.put("detail", e.detail());
            out.add(m);
        }
        return out;
    }
}
