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
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;

/**
 * Transitive group membership with recursive CTEs: the groups an account is in (User.groups), and
 * whether adding a group to another would close a cycle. Nesting is bounded as a safety net.
 */
public final class MembershipQueries {
    static final int MAX_DEPTH = 32;
    private static final Field<Long> ANC_GROUP = field(name("anc", "group_pk"), Long.class);
    private static final Field<Integer> ANC_DEPTH = field(name("anc", "depth"), Integer.class);

    /**
     * The groups an account is in, directly (depth 0) or through nested groups. This runs for every
     * User returned (GET, list items, writes), and rendering the recursive query cost more CPU than
     * the database spent on it; so it is rendered once, with the account as its only bind value.
     */
    public List<GroupMembership> groupsOfAccount(DSLContext db, long accountPk) {
        String sql = groupsOfAccountSql;
        if (sql == null) {
            sql = renderGroupsOfAccount(db);
            groupsOfAccountSql = sql;
        }
        return db.resultQuery(sql, accountPk)
                .fetch(r -> new GroupMembership(r.get(0, String.class), r.get(1, String.class), r.get(2, Integer.class) == 0));
    }

    private volatile String groupsOfAccountSql;

    private static String renderGroupsOfAccount(DSLContext db) {
        GroupMember gm = GROUP_MEMBER.as("gm");
        CommonTableExpression<Record2<Long, Integer>> anc = name("anc").fields("group_pk", "depth").as(
                select(GROUP_MEMBER.GROUP_PK, inline(0)).from(GROUP_MEMBER)
                        .where(GROUP_MEMBER.MEMBER_ACCOUNT_PK.eq(param("accountPk", Long.class)))
                        .unionAll(select(gm.GROUP_PK, ANC_DEPTH.plus(inline(1))).from(gm)
                                .join(table(name("anc"))).on(gm.MEMBER_GROUP_PK.eq(ANC_GROUP))
                                .where(ANC_DEPTH.lt(inline(MAX_DEPTH)))));
        Field<Integer> depth = min(ANC_DEPTH).as("depth");
        String sql = db.render(db.withRecursive(anc)
                .select(SCIM_GROUP.ID, SCIM_GROUP.DISPLAY_NAME, depth)
                .from(anc).join(SCIM_GROUP).on(SCIM_GROUP.PK.eq(ANC_GROUP))
                .groupBy(SCIM_GROUP.PK, SCIM_GROUP.ID, SCIM_GROUP.DISPLAY_NAME)
                .orderBy(SCIM_GROUP.DISPLAY_NAME, SCIM_GROUP.ID));
        if (sql.indexOf('?') != sql.lastIndexOf('?') || sql.indexOf('{') >= 0) {
            throw new IllegalStateException("groups-of-account SQL must have exactly one bind value: " + sql);
        }
        return sql;
    }

    /** True if {@code groupPk} is {@code candidatePk} or (transitively) contains it. */
    public boolean contains(DSLContext db, long groupPk, long candidatePk) {
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
