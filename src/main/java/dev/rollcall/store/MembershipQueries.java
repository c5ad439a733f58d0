package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.GROUP_MEMBER;
import static dev.rollcall.store.generated.Tables.SCIM_GROUP;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import dev.rollcall.store.generated.tables.GroupMember;
import dev.rollcall.directory.GroupMembership;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.ResultQuery;

/**
 * Transitive group membership with recursive CTEs: the groups an account is in (User.groups), and
 * whether adding a group to another would close a cycle. Nesting is bounded as a safety net.
 */
final class MembershipQueries {
    static final int MAX_DEPTH = 32;
    private static final Field<Long> ANC_ACCOUNT = field(name("anc", "account_pk"), Long.class);
    private static final Field<Long> ANC_GROUP = field(name("anc", "group_pk"), Long.class);
    private static final Field<Integer> ANC_DEPTH = field(name("anc", "depth"), Integer.class);

    /** The query for one account, rendered on first use (see {@link #groupsOfAccount}). */
    private final FixedQuery oneAccount =
            new FixedQuery(db -> query(db, GROUP_MEMBER.MEMBER_ACCOUNT_PK.eq(param("accountPk", Long.class))), 1);

    /**
     * The groups of one account. This runs for every User returned by GET and by writes, and
     * rendering the recursive query cost more CPU than the database spent running it; so its SQL is
     * rendered once, with the account as its only bind value.
     */
    List<GroupMembership> groupsOfAccount(DSLContext db, long accountPk) {
        return oneAccount.fetch(db, r -> new GroupMembership(r.get(1, String.class), r.get(2, String.class),
                r.get(3, Integer.class) == 0), accountPk);
    }

    /** The groups of several accounts with one query (a list page); accounts in no group are absent. */
    Map<Long, List<GroupMembership>> groupsOfAccounts(DSLContext db, Collection<Long> accountPks) {
        if (accountPks.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<GroupMembership>> out = new HashMap<>();
        query(db, GROUP_MEMBER.MEMBER_ACCOUNT_PK.in(accountPks))
                .forEach(r -> out.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new GroupMembership(r.value2(), r.value3(), r.value4() == 0)));
        return out;
    }

    /** (account, group id, group display name, depth) for the accounts selected by {@code accounts}. */
    private static ResultQuery<Record4<Long, String, String, Integer>> query(DSLContext db, Condition accounts) {
        GroupMember gm = GROUP_MEMBER.as("gm");
        CommonTableExpression<Record3<Long, Long, Integer>> anc = name("anc").fields("account_pk", "group_pk", "depth").as(
                select(GROUP_MEMBER.MEMBER_ACCOUNT_PK, GROUP_MEMBER.GROUP_PK, inline(0)).from(GROUP_MEMBER)
                        .where(accounts)
                        .unionAll(select(ANC_ACCOUNT, gm.GROUP_PK, ANC_DEPTH.plus(inline(1))).from(gm)
                                .join(table(name("anc"))).on(gm.MEMBER_GROUP_PK.eq(ANC_GROUP))
                                .where(ANC_DEPTH.lt(inline(MAX_DEPTH)))));
        Field<Integer> depth = min(ANC_DEPTH).as("depth");
        return db.withRecursive(anc)
                .select(ANC_ACCOUNT, SCIM_GROUP.ID, SCIM_GROUP.DISPLAY_NAME, depth)
                .from(anc).join(SCIM_GROUP).on(SCIM_GROUP.PK.eq(ANC_GROUP))
                .groupBy(ANC_ACCOUNT, SCIM_GROUP.PK, SCIM_GROUP.ID, SCIM_GROUP.DISPLAY_NAME)
                .orderBy(ANC_ACCOUNT, SCIM_GROUP.DISPLAY_NAME, SCIM_GROUP.ID);
    }

    /** True if {@code groupPk} is {@code candidatePk} or (transitively) contains it. */
    boolean contains(DSLContext db, long groupPk, long candidatePk) {
        if (groupPk == candidatePk) {
            return true;
        }
        GroupMember gm = GROUP_MEMBER.as("gm");
        CommonTableExpression<Record2<Long, Integer>> anc = name("anc").fields("group_pk", "depth").as(
                select(GROUP_MEMBER.MEMBER_GROUP_PK, inline(0)).from(GROUP_MEMBER)
                        .where(GROUP_MEMBER.GROUP_PK.eq(groupPk)).and(GROUP_MEMBER.MEMBER_GROUP_PK.isNotNull())
                        .unionAll(select(gm.MEMBER_GROUP_PK, ANC_DEPTH.plus(1)).from(gm)
                                .join(table(name("anc"))).on(gm.GROUP_PK.eq(ANC_GROUP))
                                .where(gm.MEMBER_GROUP_PK.isNotNull()).and(ANC_DEPTH.lt(MAX_DEPTH))));
        return db.withRecursive(anc).selectOne().from(anc).where(ANC_GROUP.eq(candidatePk)).limit(1).fetchOptional().isPresent();
    }
}
