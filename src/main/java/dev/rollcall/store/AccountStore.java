package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.GROUP_MEMBER;
import static dev.rollcall.store.generated.Tables.PERSON;

import dev.rollcall.directory.Account;
import dev.rollcall.directory.AccountContent;
import dev.rollcall.schema.StorableText;
import dev.rollcall.schema.filter.IndexedValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Account rows (a source's SCIM Users) and their value index, over any DSLContext. */
final class AccountStore {
    /** The plain read of one account (every GET of a User), rendered on first use. */
    private final FixedQuery oneAccount = new FixedQuery(db -> db.select(ACCOUNT.fields()).select(PERSON.ID).from(ACCOUNT)
            .join(PERSON).on(PERSON.PK.eq(ACCOUNT.PERSON_PK))
            .where(ACCOUNT.SOURCE_ID.eq(DSL.param("sourceId", Long.class)))
            .and(ACCOUNT.ID.eq(DSL.param("id", String.class))), 2);

    /**
     * The plain read of one account, and whether it is a direct member of any group (so that a GET of a User
     * in no group skips the recursive membership query), rendered on first use.
     */
    private final FixedQuery oneAccountAndMembership = new FixedQuery(db -> db.select(ACCOUNT.fields()).select(PERSON.ID)
            .select(DSL.field(DSL.exists(DSL.selectOne().from(GROUP_MEMBER).where(GROUP_MEMBER.MEMBER_ACCOUNT_PK.eq(ACCOUNT.PK))))
                    .as("in_a_group"))
            .from(ACCOUNT)
            .join(PERSON).on(PERSON.PK.eq(ACCOUNT.PERSON_PK))
            .where(ACCOUNT.SOURCE_ID.eq(DSL.param("sourceId", Long.class)))
            .and(ACCOUNT.ID.eq(DSL.param("id", String.class))), 2);

    /** An account read with whether it belongs to any group directly (a member of none is in no nested group either). */
    record Membered(Account account, boolean inAGroup) {
    }

    Optional<Membered> byIdWithMembership(DSLContext db, long sourceId, String id) {
        int personId = ACCOUNT.fields().length;
        return oneAccountAndMembership.fetch(db, r -> new Membered(toStored(r, r.get(personId, String.class)),
                Boolean.TRUE.equals(r.get(personId + 1, Boolean.class))), sourceId, id).stream().findFirst();
    }

    Optional<Account> byId(DSLContext tx, long sourceId, String id, boolean forUpdate) {
        if (!forUpdate) {
            return byId(tx, sourceId, id);
        }
        return select(tx).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(ACCOUNT.ID.eq(id)).forUpdate().fetchOptional()
                .map(AccountStore::toStored);
    }

    private Optional<Account> byId(DSLContext db, long sourceId, String id) {
        // rows read back from JDBC know their columns by name only, and account.id and person.id share one:
        // the person's id is read by its position, after the account's columns
        int personId = ACCOUNT.fields().length;
        return oneAccount.fetch(db, r -> toStored(r, r.get(personId, String.class)), sourceId, id).stream().findFirst();
    }

    long insert(DSLContext tx, long sourceId, String id, long personPk, Instant now, AccountContent w) {
        return tx.insertInto(ACCOUNT)
                .set(ACCOUNT.ID, id)
                .set(ACCOUNT.SOURCE_ID, sourceId)
                .set(ACCOUNT.EXTERNAL_ID, w.externalId())
                .set(ACCOUNT.USER_NAME, w.userName())
                .set(ACCOUNT.USER_NAME_CI, fold(w.userName()))
                .set(ACCOUNT.WORKER_ID, w.workerId())
                .set(ACCOUNT.ACTIVE, w.active())
                .set(ACCOUNT.RESOURCE, JSON.valueOf(w.document()))
                .set(ACCOUNT.VERSION, 1L)
                .set(ACCOUNT.PERSON_PK, personPk)
                .set(ACCOUNT.CREATED_AT, Clock.toDb(now))
                .set(ACCOUNT.UPDATED_AT, Clock.toDb(now))
                .returningResult(ACCOUNT.PK)
                .fetchOne()
                .value1();
    }

    void replace(DSLContext tx, long pk, long newVersion, Instant now, AccountContent w) {
        tx.update(ACCOUNT)
                .set(ACCOUNT.EXTERNAL_ID, w.externalId())
                .set(ACCOUNT.USER_NAME, w.userName())
                .set(ACCOUNT.USER_NAME_CI, fold(w.userName()))
                .set(ACCOUNT.WORKER_ID, w.workerId())
                .set(ACCOUNT.ACTIVE, w.active())
                .set(ACCOUNT.RESOURCE, JSON.valueOf(w.document()))
                .set(ACCOUNT.VERSION, newVersion)
                .set(ACCOUNT.UPDATED_AT, Clock.toDb(now))
                .where(ACCOUNT.PK.eq(pk))
                .execute();
    }

    void delete(DSLContext tx, long pk) {
        tx.deleteFrom(ACCOUNT).where(ACCOUNT.PK.eq(pk)).execute();
    }

    /** Replaces the indexed values of an account with one multi-row insert. */
    void replaceValues(DSLContext tx, long pk, long sourceId, List<IndexedValue> rows, boolean existing) {
        ValueTable.accounts().replace(tx, pk, sourceId, rows, existing);
    }

    /** One page of a source's accounts matching a condition, in the given order (pk breaks ties). */
    List<Account> page(DSLContext db, long sourceId, Condition filter, List<SortField<?>> order,
                                    int offset, int limit) {
        return select(db).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(filter)
                .orderBy(order).offset(offset).limit(limit)
                .fetch(AccountStore::toStored);
    }

    int count(DSLContext db, long sourceId, Condition filter) {
        return db.fetchCount(DSL.selectOne().from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(filter));
    }

    /** The sort order when the client gives none: creation order. */
    static List<SortField<?>> defaultOrder() {
        return List.of(ACCOUNT.PK.asc());
    }

    static String fold(String s) {
        return s == null ? null : StorableText.folded(s);
    }

    private static SelectJoinStep<Record> select(DSLContext db) {
        return db.select(ACCOUNT.asterisk(), PERSON.ID).from(ACCOUNT).join(PERSON).on(PERSON.PK.eq(ACCOUNT.PERSON_PK));
    }

    private static Account toStored(Record r) {
        return toStored(r, r.get(PERSON.ID));
    }

    private static Account toStored(Record r, String personId) {
        return new Account(r.get(ACCOUNT.PK), r.get(ACCOUNT.ID), r.get(ACCOUNT.SOURCE_ID), r.get(ACCOUNT.EXTERNAL_ID),
                r.get(ACCOUNT.USER_NAME), r.get(ACCOUNT.WORKER_ID), r.get(ACCOUNT.ACTIVE), r.get(ACCOUNT.RESOURCE).data(),
                r.get(ACCOUNT.VERSION), r.get(ACCOUNT.PERSON_PK), personId,
                Clock.fromDb(r.get(ACCOUNT.CREATED_AT)), Clock.fromDb(r.get(ACCOUNT.UPDATED_AT)));
    }
}
