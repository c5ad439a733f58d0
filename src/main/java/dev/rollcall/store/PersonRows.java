package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.PERSON;

import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.PersonRow;
import dev.rollcall.identity.Persons;
import dev.rollcall.lifecycle.LifecycleRows.PersonLifecycleRow;
import dev.rollcall.store.generated.enums.PersonState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** Person rows for identity resolution: provisional persons, locking, merges. */
final class PersonRows implements Persons {
    private static final String UNRESOLVED = "unresolved: awaiting a match decision";
    private final DSLContext tx;
    private final PersonStore persons;
    private final TxReads reads;

    PersonRows(DSLContext tx, PersonStore persons, TxReads reads) {
        this.tx = tx;
        this.persons = persons;
        this.reads = reads;
    }

    /** A provisional person has no lifecycle state (NULL) and a reason, and is never announced downstream. */
    @Override
    public PersonRef insert(Instant at, boolean provisional) {
        String id = UUID.randomUUID().toString();
        GoldenRecord empty = new GoldenRecord(Map.of());
        long pk = tx.insertInto(PERSON)
                .set(PERSON.ID, id)
                .set(PERSON.STATE, provisional ? null : PersonState.active)
                .set(PERSON.STATE_REASON, provisional ? UNRESOLVED : null)
                .set(PERSON.STATE_SINCE, provisional ? null : Clock.toDb(at))
                .set(PERSON.PROVISIONAL, provisional)
                .set(PERSON.GOLDEN, JSON.valueOf(persons.toJson(empty)))
                .set(PERSON.EVENT_SEQ, 0L)
                .set(PERSON.CREATED_AT, Clock.toDb(at))
                .set(PERSON.UPDATED_AT, Clock.toDb(at))
                .returningResult(PERSON.PK)
                .fetchOne()
                .value1();
        // the new row is this transaction's (its insert holds the lock): no need to read it back
        Instant stored = Clock.fromDb(Clock.toDb(at));
        reads.keepLocked(new PersonRow(pk, id, provisional ? null : LifecycleState.ACTIVE, provisional, null, empty, 0),
                new PersonLifecycleRow(stored, provisional ? UNRESOLVED : null, provisional ? null : stored, null));
        reads.personInserted(pk);
        return new PersonRef(pk, id);
    }

    /** Read once per transaction: the row lock is held until it ends, and its own writes update the copy. */
    @Override
    public PersonRow lock(long pk) {
        Optional<PersonRow> known = reads.locked(pk);
        if (known.isPresent()) {
            return known.get();
        }
        var r = tx.select(PERSON.ID, PERSON.STATE, PERSON.PROVISIONAL, PERSON.MERGED_INTO_PK, PERSON.GOLDEN,
                        PERSON.EVENT_SEQ, PERSON.CREATED_AT, PERSON.STATE_REASON, PERSON.STATE_SINCE, PERSON.ON_LEAVE_SINCE)
                .from(PERSON).where(PERSON.PK.eq(pk)).forUpdate()
                .fetchOne();
        if (r == null) {
            return null;
        }
        PersonRow row = new PersonRow(pk, r.value1(), PersonStates.toDomain(r.value2()), r.value3(), r.value4(),
                persons.fromJson(r.value5().data()), r.value6());
        // the lifecycle step reads these right after; one read serves both
        reads.keepLocked(row, new PersonLifecycleRow(Clock.fromDb(r.value7()), r.value8(), Clock.fromDb(r.value9()),
                Clock.fromDb(r.value10())));
        return row;
    }

    @Override
    public Optional<PersonRef> byId(String id) {
        return tx.select(PERSON.PK, PERSON.ID).from(PERSON).where(PERSON.ID.eq(id))
                .fetchOptional(r -> new PersonRef(r.value1(), r.value2()));
    }

    @Override
    public void save(long pk, GoldenRecord golden, long eventSeq, Instant at) {
        persons.save(tx, pk, golden, eventSeq, at);
        reads.updateLocked(pk, r -> new PersonRow(pk, r.id(), r.state(), r.provisional(), r.mergedIntoPk(), golden, eventSeq));
    }

    @Override
    public void promote(long pk, Instant at) {
        tx.update(PERSON)
                .set(PERSON.PROVISIONAL, false)
                .set(PERSON.STATE, PersonState.active)
                .setNull(PERSON.STATE_REASON)
                .set(PERSON.STATE_SINCE, Clock.toDb(at))
                .set(PERSON.UPDATED_AT, Clock.toDb(at))
                .where(PERSON.PK.eq(pk)).and(PERSON.PROVISIONAL.isTrue())
                .execute();
        if (reads.locked(pk).map(PersonRow::provisional).orElse(false)) {
            Instant since = Clock.fromDb(Clock.toDb(at));
            reads.updateLocked(pk, r -> new PersonRow(pk, r.id(), LifecycleState.ACTIVE, false, r.mergedIntoPk(), r.golden(),
                    r.eventSeq()));
            reads.updateLifecycle(pk, l -> new PersonLifecycleRow(l.createdAt(), null, since, l.onLeaveSince()));
        }
    }

    @Override
    public void changeState(long pk, LifecycleState state, String reason, Instant since, Instant graceUntil) {
        tx.update(PERSON)
                .set(PERSON.STATE, PersonStates.toDb(state))
                .set(PERSON.STATE_REASON, reason)
                .set(PERSON.STATE_SINCE, Clock.toDb(since))
                .set(PERSON.GRACE_UNTIL, graceUntil == null ? null : Clock.toDb(graceUntil))
                .set(PERSON.UPDATED_AT, Clock.toDb(since))
                .where(PERSON.PK.eq(pk))
                .execute();
        reads.updateLocked(pk, r -> new PersonRow(pk, r.id(), state, r.provisional(), r.mergedIntoPk(), r.golden(),
                r.eventSeq()));
        Instant stored = Clock.fromDb(Clock.toDb(since));
        reads.updateLifecycle(pk, l -> new PersonLifecycleRow(l.createdAt(), reason, stored, l.onLeaveSince()));
    }

    @Override
    public void changeGrace(long pk, Instant graceUntil) {
        tx.update(PERSON)
                .set(PERSON.GRACE_UNTIL, graceUntil == null ? null : Clock.toDb(graceUntil))
                .where(PERSON.PK.eq(pk))
                .execute();
    }

    @Override
    public void markMerged(long pk, long survivorPk, Instant at) {
        tx.update(PERSON)
                .set(PERSON.MERGED_INTO_PK, survivorPk)
                .set(PERSON.STATE_REASON, "merged")
                .set(PERSON.UPDATED_AT, Clock.toDb(at))
                .where(PERSON.PK.eq(pk))
                .execute();
        reads.updateLocked(pk, r -> new PersonRow(pk, r.id(), r.state(), r.provisional(), survivorPk, r.golden(),
                r.eventSeq()));
        reads.updateLifecycle(pk, l -> new PersonLifecycleRow(l.createdAt(), "merged", l.stateSince(), l.onLeaveSince()));
    }

    @Override
    public void delete(long pk) {
        tx.deleteFrom(PERSON).where(PERSON.PK.eq(pk)).execute();
        reads.forgetPerson(pk);
    }
}
