package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.PERSON;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Accounts (a source's SCIM Users) and their value index. */
public final class AccountStore {

    /** What is written for a new or replaced account. */
    public record AccountWrite(String externalId, String userName, String workerId, boolean active, String resourceJson) {
    }

    public Optional<StoredAccount> byId(DSLContext tx, long sourceId, String id, boolean forUpdate) {
        var query = select(tx).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(ACCOUNT.ID.eq(id));
        return (forUpdate ? query.forUpdate() : query).fetchOptional().map(AccountStore::toStored);
    }

    public Optional<StoredAccount> byPk(DSLContext tx, long pk) {
        return select(tx).where(ACCOUNT.PK.eq(pk)).fetchOptional().map(AccountStore::toStored);
    }

    /** Accounts of a source by id, for resolving references (group members); missing ids are absent from the result. */
    public List<StoredAccount> byIds(DSLContext tx, long sourceId, List<String> ids) {
        return select(tx).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(ACCOUNT.ID.in(ids)).fetch(AccountStore::toStored);
    }

    public Optional<String> idWithUserName(DSLContext tx, long sourceId, String userName) {
        return tx.select(ACCOUNT.ID).from(ACCOUNT)
                .where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(ACCOUNT.USER_NAME_CI.eq(fold(userName)))
                .fetchOptional(ACCOUNT.ID);
    }

    public Optional<String> idWithExternalId(DSLContext tx, long sourceId, String externalId) {
        return tx.select(ACCOUNT.ID).from(ACCOUNT)
                .where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(ACCOUNT.EXTERNAL_ID.eq(externalId))
                .fetchOptional(ACCOUNT.ID);
    }

    public long insert(DSLContext tx, long sourceId, String id, long personPk, Instant now, AccountWrite w) {
        return tx.insertInto(ACCOUNT)
                .set(ACCOUNT.ID, id)
                .set(ACCOUNT.SOURCE_ID, sourceId)
                .set(ACCOUNT.EXTERNAL_ID, w.externalId())
                .set(ACCOUNT.USER_NAME, w.userName())
                .set(ACCOUNT.USER_NAME_CI, fold(w.userName()))
                .set(ACCOUNT.WORKER_ID, w.workerId())
                .set(ACCOUNT.ACTIVE, w.active())
                .set(ACCOUNT.RESOURCE, JSON.valueOf(w.resourceJson()))
                .set(ACCOUNT.VERSION, 1L)
                .set(ACCOUNT.PERSON_PK, personPk)
                .set(ACCOUNT.CREATED_AT, Clock.toDb(now))
                .set(ACCOUNT.UPDATED_AT, Clock.toDb(now))
                .returningResult(ACCOUNT.PK)
                .fetchOne()
                .value1();
    }

    public void replace(DSLContext tx, long pk, long newVersion, Instant now, AccountWrite w) {
        tx.update(ACCOUNT)
                .set(ACCOUNT.EXTERNAL_ID, w.externalId())
                .set(ACCOUNT.USER_NAME, w.userName())
                .set(ACCOUNT.USER_NAME_CI, fold(w.userName()))
                .set(ACCOUNT.WORKER_ID, w.workerId())
                .set(ACCOUNT.ACTIVE, w.active())
                .set(ACCOUNT.RESOURCE, JSON.valueOf(w.resourceJson()))
                .set(ACCOUNT.VERSION, newVersion)
                .set(ACCOUNT.UPDATED_AT, Clock.toDb(now))
                .where(ACCOUNT.PK.eq(pk))
                .execute();
    }

    public void relink(DSLContext tx, long pk, long personPk) {
        tx.update(ACCOUNT).set(ACCOUNT.PERSON_PK, personPk).where(ACCOUNT.PK.eq(pk)).execute();
    }

    public void delete(DSLContext tx, long pk) {
        tx.deleteFrom(ACCOUNT).where(ACCOUNT.PK.eq(pk)).execute();
    }

    /** Replaces the indexed values of an account with one multi-row insert. */
    public void replaceValues(DSLContext tx, long pk, long sourceId, List<ValueRow> rows, boolean existing) {
        ValueTable.accounts().replace(tx, pk, sourceId, rows, existing);
    }

    /** One page of a source's accounts matching a condition, in the given order (pk breaks ties). */
    public List<StoredAccount> page(DSLContext db, long sourceId, Condition filter, List<SortField<?>> order,
                                    int offset, int limit) {
        return select(db).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(filter)
                .orderBy(order).offset(offset).limit(limit)
                .fetch(AccountStore::toStored);
    }

    public int count(DSLContext db, long sourceId, Condition filter) {
        return db.fetchCount(DSL.selectOne().from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(filter));
    }

    /** The sort order when the client gives none: creation order. */
    public static List<SortField<?>> defaultOrder() {
        return List.of(ACCOUNT.PK.asc());
    }

    public static String fold(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static SelectJoinStep<Record> select(DSLContext db) {
        return db.select(ACCOUNT.asterisk(), PERSON.ID).from(ACCOUNT).join(PERSON).on(PERSON.PK.eq(ACCOUNT.PERSON_PK));
    }

    private static StoredAccount toStored(Record r) {
        return new StoredAccount(r.get(ACCOUNT.PK), r.get(ACCOUNT.ID), r.get(ACCOUNT.SOURCE_ID), r.get(ACCOUNT.EXTERNAL_ID),
                r.get(ACCOUNT.USER_NAME), r.get(ACCOUNT.WORKER_ID), r.get(ACCOUNT.ACTIVE), r.get(ACCOUNT.RESOURCE).data(),
                r.get(ACCOUNT.VERSION), r.get(ACCOUNT.PERSON_PK), r.get(PERSON.ID),
                Clock.fromDb(r.get(ACCOUNT.CREATED_AT)), Clock.fromDb(r.get(ACCOUNT.UPDATED_AT)));
    }
}
