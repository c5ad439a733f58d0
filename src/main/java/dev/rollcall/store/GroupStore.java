package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.GROUP_MEMBER;
import static dev.rollcall.store.generated.Tables.SCIM_GROUP;

import dev.rollcall.directory.Group;
import dev.rollcall.directory.GroupContent;
import dev.rollcall.directory.Member;
import dev.rollcall.schema.filter.IndexedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep3;
import org.jooq.JSON;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** SCIM groups (scim_group), their value index (group_value) and their members (group_member). */
final class GroupStore {
    /** Bound values per statement when a list of ids or members is long (a group of thousands). */
    private static final int CHUNK = 1000;
    /** A user's display: its displayName, else its userName. */
    private static final Field<String> USER_DISPLAY = DSL.coalesce(
            DSL.field("json_value({0}, '$.displayName')", SQLDataType.VARCHAR, ACCOUNT.RESOURCE), ACCOUNT.USER_NAME);

    Optional<Group> byId(DSLContext tx, long sourceId, String id, boolean forUpdate) {
        var query = tx.selectFrom(SCIM_GROUP).where(SCIM_GROUP.SOURCE_ID.eq(sourceId)).and(SCIM_GROUP.ID.eq(id));
        return (forUpdate ? query.forUpdate() : query).fetchOptional().map(GroupStore::toStored);
    }

    long insert(DSLContext tx, long sourceId, String id, Instant now, GroupContent w) {
        return tx.insertInto(SCIM_GROUP)
                .set(SCIM_GROUP.ID, id)
                .set(SCIM_GROUP.SOURCE_ID, sourceId)
                .set(SCIM_GROUP.EXTERNAL_ID, w.externalId())
                .set(SCIM_GROUP.DISPLAY_NAME, w.displayName())
                .set(SCIM_GROUP.DISPLAY_NAME_CI, AccountStore.fold(w.displayName()))
                .set(SCIM_GROUP.RESOURCE, JSON.valueOf(w.document()))
                .set(SCIM_GROUP.VERSION, 1L)
                .set(SCIM_GROUP.CREATED_AT, Clock.toDb(now))
                .set(SCIM_GROUP.UPDATED_AT, Clock.toDb(now))
                .returningResult(SCIM_GROUP.PK)
                .fetchOne()
                .value1();
    }

    void replace(DSLContext tx, long pk, long newVersion, Instant now, GroupContent w) {
        tx.update(SCIM_GROUP)
                .set(SCIM_GROUP.EXTERNAL_ID, w.externalId())
                .set(SCIM_GROUP.DISPLAY_NAME, w.displayName())
                .set(SCIM_GROUP.DISPLAY_NAME_CI, AccountStore.fold(w.displayName()))
                .set(SCIM_GROUP.RESOURCE, JSON.valueOf(w.document()))
                .set(SCIM_GROUP.VERSION, newVersion)
                .set(SCIM_GROUP.UPDATED_AT, Clock.toDb(now))
                .where(SCIM_GROUP.PK.eq(pk))
                .execute();
    }

    /** Deletes the group; its values and member rows, and its rows as a member of other groups, cascade. */
    void delete(DSLContext tx, long pk) {
        tx.deleteFrom(SCIM_GROUP).where(SCIM_GROUP.PK.eq(pk)).execute();
    }

    /** Replaces the indexed values of a group (one batch of rows). */
    void replaceValues(DSLContext tx, long pk, long sourceId, List<IndexedValue> rows, boolean existing) {
        ValueTable.groups().replace(tx, pk, sourceId, rows, existing);
    }

    /** The members of one group, in the order they were added. */
    List<Member> members(DSLContext db, long groupPk) {
        return membersOf(db, List.of(groupPk)).getOrDefault(groupPk, List.of());
    }

    /** The members of several groups (one page of a list) with one query per chunk, keyed by group pk. */
    Map<Long, List<Member>> membersOf(DSLContext db, Collection<Long> groupPks) {
        Map<Long, List<Member>> out = new LinkedHashMap<>();
        var nested = SCIM_GROUP.as("mg");
        for (List<Long> chunk : chunks(new ArrayList<>(groupPks))) {
            db.select(GROUP_MEMBER.GROUP_PK, GROUP_MEMBER.MEMBER_ACCOUNT_PK, ACCOUNT.ID, USER_DISPLAY,
                            GROUP_MEMBER.MEMBER_GROUP_PK, nested.ID, nested.DISPLAY_NAME)
                    .from(GROUP_MEMBER)
                    .leftJoin(ACCOUNT).on(ACCOUNT.PK.eq(GROUP_MEMBER.MEMBER_ACCOUNT_PK))
                    .leftJoin(nested).on(nested.PK.eq(GROUP_MEMBER.MEMBER_GROUP_PK))
                    .where(GROUP_MEMBER.GROUP_PK.in(chunk))
                    .orderBy(GROUP_MEMBER.ID)
                    .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2() != null
                            ? new Member(Member.Kind.USER, r.value2(), r.value3(), r.value4())
                            : new Member(Member.Kind.GROUP, r.value5(), r.value6(), r.value7())));
        }
        return out;
    }

    /**
     * The users and groups of a source with the given ids; ids that name neither are absent from the
     * result. With {@code lockGroups} the groups are read with a shared lock, so that two concurrent
     * writes cannot each add the other's group and close a cycle that neither saw.
     */
    List<Member> resolve(DSLContext tx, long sourceId, Collection<String> ids, boolean lockGroups) {
        List<Member> out = new ArrayList<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            tx.select(ACCOUNT.PK, ACCOUNT.ID, USER_DISPLAY).from(ACCOUNT)
                    .where(ACCOUNT.SOURCE_ID.eq(sourceId)).and(ACCOUNT.ID.in(chunk))
                    .forEach(r -> out.add(new Member(Member.Kind.USER, r.value1(), r.value2(), r.value3())));
            var groups = tx.select(SCIM_GROUP.PK, SCIM_GROUP.ID, SCIM_GROUP.DISPLAY_NAME).from(SCIM_GROUP)
                    .where(SCIM_GROUP.SOURCE_ID.eq(sourceId)).and(SCIM_GROUP.ID.in(chunk));
            (lockGroups ? groups.forShare() : groups)
                    .forEach(r -> out.add(new Member(Member.Kind.GROUP, r.value1(), r.value2(), r.value3())));
        }
        return out;
    }

    void addMembers(DSLContext tx, long groupPk, List<Member> members) {
        for (List<Member> chunk : chunks(members)) {
            InsertValuesStep3<?, Long, Long, Long> insert = tx.insertInto(GROUP_MEMBER,
                    GROUP_MEMBER.GROUP_PK, GROUP_MEMBER.MEMBER_ACCOUNT_PK, GROUP_MEMBER.MEMBER_GROUP_PK);
            for (Member m : chunk) {
                boolean user = m.kind() == Member.Kind.USER;
                insert = insert.values(groupPk, user ? m.pk() : null, user ? null : m.pk());
            }
            insert.execute();
        }
    }

    void removeMembers(DSLContext tx, long groupPk, List<Member> members) {
        for (List<Member> chunk : chunks(members)) {
            List<Long> users = chunk.stream().filter(m -> m.kind() == Member.Kind.USER).map(Member::pk).toList();
            List<Long> groups = chunk.stream().filter(m -> m.kind() == Member.Kind.GROUP).map(Member::pk).toList();
            Condition which = DSL.falseCondition();
            if (!users.isEmpty()) {
                which = which.or(GROUP_MEMBER.MEMBER_ACCOUNT_PK.in(users));
            }
            if (!groups.isEmpty()) {
                which = which.or(GROUP_MEMBER.MEMBER_GROUP_PK.in(groups));
            }
            tx.deleteFrom(GROUP_MEMBER).where(GROUP_MEMBER.GROUP_PK.eq(groupPk)).and(which).execute();
        }
    }

    /** One page of a source's groups matching a condition, in the given order (pk breaks ties). */
    List<Group> page(DSLContext db, long sourceId, Condition filter, List<SortField<?>> order,
                                  int offset, int limit) {
        return db.selectFrom(SCIM_GROUP).where(SCIM_GROUP.SOURCE_ID.eq(sourceId)).and(filter)
                .orderBy(order).offset(offset).limit(limit)
                .fetch(GroupStore::toStored);
    }

    int count(DSLContext db, long sourceId, Condition filter) {
        return db.fetchCount(DSL.selectOne().from(SCIM_GROUP).where(SCIM_GROUP.SOURCE_ID.eq(sourceId)).and(filter));
    }

    /** The sort order when the client gives none: creation order. */
    static List<SortField<?>> defaultOrder() {
        return List.of(SCIM_GROUP.PK.asc());
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private static Group toStored(Record r) {
        return new Group(r.get(SCIM_GROUP.PK), r.get(SCIM_GROUP.ID), r.get(SCIM_GROUP.SOURCE_ID),
                r.get(SCIM_GROUP.EXTERNAL_ID), r.get(SCIM_GROUP.DISPLAY_NAME), r.get(SCIM_GROUP.RESOURCE).data(),
                r.get(SCIM_GROUP.VERSION), Clock.fromDb(r.get(SCIM_GROUP.CREATED_AT)),
                Clock.fromDb(r.get(SCIM_GROUP.UPDATED_AT)));
    }
}
