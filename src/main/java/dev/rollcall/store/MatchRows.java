package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.MATCH_KEY;
import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.SOURCE;
import static dev.rollcall.store.generated.Tables.WORKER_LINK;

import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.MatchIndex;
import dev.rollcall.identity.MatchKey;
import dev.rollcall.identity.MatchLookup;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.PersonRow;
import dev.rollcall.identity.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.Select;
import org.jooq.impl.DSL;

/** Candidate look-ups by indexed keys (match_key, worker_link), and worker-id links. */
final class MatchRows implements MatchIndex {
    private final DSLContext tx;
    private final PersonStore persons;
    private final TxReads reads;

    MatchRows(DSLContext tx, PersonStore persons, TxReads reads) {
        this.tx = tx;
        this.persons = persons;
        this.reads = reads;
    }

    /** A link this transaction already read or made is not read again (a link moves only by this transaction's writes). */
    @Override
    public Optional<PersonRef> personOfWorker(String workerId) {
        Optional<PersonRef> known = reads.workerOwner(workerId);
        if (known.isPresent()) {
            return known;
        }
        Optional<PersonRef> owner = persons.ofWorker(tx, workerId);
        owner.ifPresent(p -> reads.keepWorker(workerId, p));
        return owner;
    }

    @Override
    public List<MatchLookup.KeyHit> hits(Collection<MatchKey> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return hitsQuery(keys, limit)
                .fetch(r -> new MatchLookup.KeyHit(new PersonRef(r.value4(), r.value5()), new MatchKey(r.value1(), r.value2()),
                        r.value3(), SourceKind.fromWireName(r.value6().getLiteral())));
    }

    /** Every key is an equality on the (kind, val) index: a range read per key, never a scan. */
    Select<Record6<String, String, String, Long, String, dev.rollcall.store.generated.enums.SourceKind>> hitsQuery(
            Collection<MatchKey> keys, int limit) {
        List<Condition> any = new ArrayList<>();
        for (MatchKey k : keys) {
            any.add(MATCH_KEY.KIND.eq(k.kind()).and(MATCH_KEY.VAL.eq(k.value())));
        }
        return tx.select(MATCH_KEY.KIND, MATCH_KEY.VAL, ACCOUNT.ID, PERSON.PK, PERSON.ID, SOURCE.KIND)
                .from(MATCH_KEY)
                .join(ACCOUNT).on(ACCOUNT.PK.eq(MATCH_KEY.ACCOUNT_PK))
                .join(PERSON).on(PERSON.PK.eq(ACCOUNT.PERSON_PK))
                .join(SOURCE).on(SOURCE.ID.eq(ACCOUNT.SOURCE_ID))
                .where(DSL.or(any))
                .limit(limit);
    }

    @Override
    public Map<Long, GoldenRecord> goldenOf(Set<Long> personPks) {
        Map<Long, GoldenRecord> out = new HashMap<>();
        if (personPks.isEmpty()) {
            return out;
        }
        tx.select(PERSON.PK, PERSON.GOLDEN).from(PERSON).where(PERSON.PK.in(personPks))
                .forEach(r -> out.put(r.value1(), persons.fromJson(r.value2().data())));
        return out;
    }

    /** Keeps an existing link: a worker id, once someone's, moves only by merge, unmerge or decision. */
    @Override
    public void linkWorker(String workerId, long personPk, Instant at) {
        Optional<PersonRef> known = reads.workerOwner(workerId);
        if (known.isPresent() && known.get().pk() == personPk) {
            return; // already this person's
        }
        int inserted = tx.insertInto(WORKER_LINK)
                .set(WORKER_LINK.WORKER_ID, workerId)
                .set(WORKER_LINK.PERSON_PK, personPk)
                .set(WORKER_LINK.LINKED_AT, Clock.toDb(at))
                .onDuplicateKeyIgnore()
                .execute();
        Optional<PersonRow> person = reads.locked(personPk);
        if (inserted == 1 && person.isPresent()) {
            reads.keepWorker(workerId, person.get().ref());
        } else {
            reads.forgetWorkers(); // someone else's (or unknown here): the next look-up asks the database
        }
    }

    @Override
    public void moveWorker(String workerId, long personPk) {
        reads.forgetWorkers();
        tx.update(WORKER_LINK).set(WORKER_LINK.PERSON_PK, personPk).where(WORKER_LINK.WORKER_ID.eq(workerId)).execute();
    }

    @Override
    public void moveWorkerLinks(long fromPersonPk, long toPersonPk) {
        reads.forgetWorkers();
        tx.update(WORKER_LINK).set(WORKER_LINK.PERSON_PK, toPersonPk).where(WORKER_LINK.PERSON_PK.eq(fromPersonPk)).execute();
    }

    @Override
    public void saveKeys(long accountPk, Set<MatchKey> keys, boolean replacing) {
        if (replacing) {
            tx.deleteFrom(MATCH_KEY).where(MATCH_KEY.ACCOUNT_PK.eq(accountPk)).execute();
        }
        if (keys.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(MATCH_KEY, MATCH_KEY.ACCOUNT_PK, MATCH_KEY.KIND, MATCH_KEY.VAL);
        for (MatchKey k : keys) {
            insert = insert.values(accountPk, k.kind(), k.value());
        }
        insert.execute();
    }
}
