package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.GROUP_MEMBER;
import static dev.rollcall.store.generated.Tables.PERSON;

import dev.rollcall.directory.Account;
import dev.rollcall.directory.AccountContent;
import dev.rollcall.schema.StorableText;
import dev.rollcall.schema.filter.IndexedValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** Account rows (a source's SCIM Users) and their value index, over any DSLContext. */
final class AccountStore {
    /*
     * The positions of the columns every read of accounts here selects: the account's, in the generated
     * order, then the person's id. A row's values are read by position: jOOQ finds a value by field by
     * comparing the names of the row's fields, which took a sixth of a GET's CPU in a profile.
     */
    private static final int PK = ACCOUNT.indexOf(ACCOUNT.PK);
    private static final int ID = ACCOUNT.indexOf(ACCOUNT.ID);
    private static final int SOURCE_ID = ACCOUNT.indexOf(ACCOUNT.SOURCE_ID);
    private static final int EXTERNAL_ID = ACCOUNT.indexOf(ACCOUNT.EXTERNAL_ID);
    private static final int USER_NAME = ACCOUNT.indexOf(ACCOUNT.USER_NAME);
    private static final int WORKER_ID = ACCOUNT.indexOf(ACCOUNT.WORKER_ID);
    private static final int ACTIVE = ACCOUNT.indexOf(ACCOUNT.ACTIVE);
    private static final int RESOURCE = ACCOUNT.indexOf(ACCOUNT.RESOURCE);
    private static final int VERSION = ACCOUNT.indexOf(ACCOUNT.VERSION);
    private static final int PERSON_PK = ACCOUNT.indexOf(ACCOUNT.PERSON_PK);
    private static final int CREATED_AT = ACCOUNT.indexOf(ACCOUNT.CREATED_AT);
    private static final int UPDATED_AT = ACCOUNT.indexOf(ACCOUNT.UPDATED_AT);
    /** The person's id, right after the account's columns. */
    private static final int PERSON_ID = ACCOUNT.fields().length;
    /** Whether the account is a direct member of any group (one that is not is in no nested group either), after the person's id. */
    private static final Field<Boolean> IN_A_GROUP = DSL.field(DSL.exists(DSL.selectOne().from(GROUP_MEMBER)
            .where(GROUP_MEMBER.MEMBER_ACCOUNT_PK.eq(ACCOUNT.PK)))).as("in_a_group");

    /**
     * The plain read of one account (every GET of a User), and whether it is a direct member of any group
     * (so that a GET of a User in no group skips the recursive membership query), rendered on first use.
     */
    private final FixedQuery oneAccountAndMembership = new FixedQuery(db -> select(db, IN_A_GROUP)
            .where(ACCOUNT.SOURCE_ID.eq(DSL.param("sourceId", Long.class)))
            .and(ACCOUNT.ID.eq(DSL.param("id", String.class))), 2);

    /** An account read with whether it belongs to any group directly (a member of none is in no nested group either). */
    record Membered(Account account, boolean inAGroup) {
    }

    Optional<Membered> byIdWithMembership(DSLContext db, long sourceId, String id) {
        return oneAccountAndMembership.fetch(db, AccountStore::toMembered, sourceId, id).stream().findFirst();
    }

    /** The account, locked for the rest of the transaction. */
    Optional<Account> locked(DSLContext tx, long sourceId, String id) {
        return select(tx).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(ACCOUNT.ID.eq(id)).forUpdate().fetchOptional()
                .map(AccountStore::toStored);
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

    /** Replaces the indexed values of an account (one batch of rows). */
    void replaceValues(DSLContext tx, long pk, long sourceId, List<IndexedValue> rows, boolean existing) {
        ValueTable.accounts().replace(tx, pk, sourceId, rows, existing);
    }

    /** One page of a source's accounts matching a condition, in the given order (pk breaks ties), each with whether it is in a group. */
    List<Membered> page(DSLContext db, long sourceId, Condition filter, List<SortField<?>> order, int offset, int limit) {
        return select(db, IN_A_GROUP).where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(filter)
                .orderBy(order).offset(offset).limit(limit)
                .fetch(AccountStore::toMembered);
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

    /** The account's columns first, in the generated order, then the person's id (read by position). */
    private static SelectJoinStep<Record> select(DSLContext db, Field<?>... after) {
        return db.select(ACCOUNT.fields()).select(PERSON.ID).select(after).from(ACCOUNT).join(PERSON)
                .on(PERSON.PK.eq(ACCOUNT.PERSON_PK));
    }

    /** A row of the account's columns, the person's id and {@link #IN_A_GROUP}. */
    private static Membered toMembered(Record r) {
        return new Membered(toStored(r), Boolean.TRUE.equals(r.get(PERSON_ID + 1, Boolean.class)));
    }

    private static Account toStored(Record r) {
        return new Account(r.get(PK, Long.class), r.get(ID, String.class), r.get(SOURCE_ID, Long.class),
                r.get(EXTERNAL_ID, String.class), r.get(USER_NAME, String.class), r.get(WORKER_ID, String.class),
                r.get(ACTIVE, Boolean.class), ((JSON) r.get(RESOURCE)).data(), r.get(VERSION, Long.class),
                r.get(PERSON_PK, Long.class), r.get(PERSON_ID, String.class),
                Clock.fromDb((LocalDateTime) r.get(CREATED_AT)), Clock.fromDb((LocalDateTime) r.get(UPDATED_AT)));
    }
}
