package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.PERSON;

import dev.rollcall.delivery.rules.EventSnapshot;
import dev.rollcall.delivery.rules.PersonSnapshot;
import dev.rollcall.directory.FlatMembership;
import dev.rollcall.events.NewEvent;
import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PersonRow;
import dev.rollcall.identity.Persona;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Reads, inside the change's transaction and after all its writes, what a delivery of an event shows:
 * the person's state, personas and golden attributes, or the group's flattened membership. One
 * instance per flush: a person or group named by several events of the change is read once.
 */
final class StoreSnapshots {
    private final DSLContext tx;
    private final PersonStore persons;
    private final FactsJson facts;
    private final GroupStore groups;
    private final TxReads reads;
    private final Map<String, PersonSnapshot> personCache = new HashMap<>();
    private final Map<String, FlatMembership> groupCache = new HashMap<>();

    StoreSnapshots(DSLContext tx, PersonStore persons, FactsJson facts, GroupStore groups, TxReads reads) {
        this.tx = tx;
        this.persons = persons;
        this.facts = facts;
        this.groups = groups;
        this.reads = reads;
    }

    EventSnapshot of(NewEvent e) {
        if (e.personId() != null) {
            PersonSnapshot p = personCache.computeIfAbsent(e.personId(), this::person);
            return EventSnapshot.of(new PersonSnapshot(p.id(), e.personSeq(), p.state(), p.personas(), p.golden()));
        }
        return EventSnapshot.of(groupCache.computeIfAbsent(e.groupId(), id -> group(e.sourceId(), id)));
    }

    /** The person as it is now, numbered with its latest sequence; empty when unknown (the preview). */
    Optional<PersonSnapshot> current(String id) {
        Long seq = tx.select(PERSON.EVENT_SEQ).from(PERSON).where(PERSON.ID.eq(id)).fetchOne(PERSON.EVENT_SEQ);
        if (seq == null) {
            return Optional.empty();
        }
        PersonSnapshot p = person(id);
        return Optional.of(new PersonSnapshot(p.id(), seq, p.state(), p.personas(), p.golden()));
    }

    /** The person this change locked is known as the change left it; any other is read. */
    private PersonSnapshot person(String id) {
        Optional<PersonRow> locked = reads.lockedById(id);
        if (locked.isPresent()) {
            return person(id, locked.get().pk(), locked.get().state(), locked.get().golden());
        }
        var r = tx.select(PERSON.PK, PERSON.STATE, PERSON.GOLDEN).from(PERSON).where(PERSON.ID.eq(id)).fetchOne();
        if (r == null) {
            return new PersonSnapshot(id, 0, null, List.of(), Map.of());
        }
        return person(id, r.value1(), PersonStates.toDomain(r.value2()), persons.fromJson(r.value3().data()));
    }

    private PersonSnapshot person(String id, long pk, LifecycleState state, GoldenRecord golden) {
        List<Persona> personas = new AccountFactRows(tx, facts, reads).linked(pk).stream().map(Persona::of).toList();
        Map<String, String> values = new TreeMap<>();
        golden.values().forEach((name, v) -> {
            if (v.value() != null) {
                values.put(name, v.value());
            }
        });
        return new PersonSnapshot(id, 0, state, personas, values);
    }

    /** A deleted group (or one without a source) has no members any more. */
    private FlatMembership group(Long sourceId, String id) {
        if (sourceId == null) {
            return new FlatMembership(id, null, List.of());
        }
        return FlatMemberships.of(tx, groups, sourceId, id).orElseGet(() -> new FlatMembership(id, null, List.of()));
    }
}
