package dev.rollcall.identity;

import dev.rollcall.events.EventPayload;
import dev.rollcall.events.NewEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One locked person being changed in a transaction: recomputes its golden record, numbers its
 * events in the person's sequence, and saves both at the end. Events of a provisional person are
 * logged but not announced downstream. Public so that the lifecycle numbers its events in the same
 * sequence; the golden-record and merge operations stay within identity.
 */
public final class PersonWork {
    private final IdentityTx tx;
    private final PersonRow row;
    private final List<NewEvent> events = new ArrayList<>();
    private GoldenRecord golden;
    private boolean provisional;
    private long seq;

    /** Locks the person for the rest of the transaction. */
    public PersonWork(IdentityTx tx, long personPk) {
        this.tx = tx;
        this.row = tx.persons().lock(personPk);
        this.golden = row.golden();
        this.provisional = row.provisional();
        this.seq = row.eventSeq();
    }

    public PersonRow row() {
        return row;
    }

    public String id() {
        return row.id();
    }

    public long pk() {
        return row.pk();
    }

    GoldenRecord golden() {
        return golden;
    }

    public boolean provisional() {
        return provisional;
    }

    /** A provisional person becomes real: active, and announced from here on. */
    void promote(Instant now) {
        tx.persons().promote(row.pk(), now);
        provisional = false;
    }

    /** Recomputes the golden record from all linked accounts; returns what changed. */
    List<AttributeChange> recompute(GoldenComputer computer, AuthorityMatrix matrix, PrimaryManagerRule rule, Instant now) {
        GoldenComputer.Result r = computer.compute(golden, tx.accounts().linked(row.pk()), matrix, rule, now);
        golden = r.golden();
        return r.changes();
    }

    /**
     * Ends a running manager grace: drops {@code manager.previous} (and its end time) from the golden
     * record and announces it as person.updated; returns whether a grace was running.
     */
    public boolean endManagerGrace() {
        Map<String, GoldenValue> values = new TreeMap<>(golden.values());
        List<AttributeChange> changes = new ArrayList<>();
        for (String attr : List.of(GoldenComputer.MANAGER_PREVIOUS, GoldenComputer.MANAGER_PREVIOUS_UNTIL)) {
            GoldenValue old = values.remove(attr);
            if (old != null) {
                changes.add(new AttributeChange(attr, old.value(), null));
            }
        }
        if (changes.isEmpty()) {
            return false;
        }
        golden = new GoldenRecord(values);
        emitChanges(changes, null, "manager_grace.ended");
        return true;
    }

    /** Adds an event in the person's sequence; written by {@link #save}. */
    public void emit(EventPayload payload, Long sourceId) {
        events.add(NewEvent.aboutPerson(payload, row.id(), ++seq, sourceId, !provisional));
    }

    /** Emits person.updated when the golden record of a real person changed. */
    void emitChanges(List<AttributeChange> changes, Long sourceId, String cause) {
        if (!changes.isEmpty() && !provisional) {
            emit(new EventPayload.PersonUpdated(row.id(), cause, changeList(changes)), sourceId);
        }
    }

    /** Announces the person with its golden record; cause and caseId may be null. */
    void emitCreated(Long sourceId, String cause, String caseId) {
        emit(new EventPayload.PersonCreated(row.id(), goldenValues(golden), cause, caseId), sourceId);
    }

    public void save(Instant now) {
        tx.persons().save(row.pk(), golden, seq, now);
        tx.events().append(now, events);
        events.clear();
    }

    static List<EventPayload.AttributeChange> changeList(List<AttributeChange> changes) {
        return changes.stream()
                .map(c -> new EventPayload.AttributeChange(c.attribute(), c.oldValue(), c.newValue()))
                .toList();
    }

    /** The golden values by attribute name, sorted by name (values may be null). */
    static Map<String, String> goldenValues(GoldenRecord golden) {
        Map<String, String> out = new TreeMap<>();
        golden.values().forEach((attr, v) -> out.put(attr, v.value()));
        return out;
    }

    static List<EventPayload.Evidence> evidenceList(List<Evidence> evidence) {
        return evidence.stream().map(e -> new EventPayload.Evidence(e.rule(), e.points(), e.detail())).toList();
    }
}
