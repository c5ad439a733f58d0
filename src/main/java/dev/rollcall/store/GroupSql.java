package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.GROUP_MEMBER;
import static dev.rollcall.store.generated.Tables.SCIM_GROUP;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.filter.CompareOp;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.store.generated.tables.Account;
import dev.rollcall.store.generated.tables.GroupMember;
import dev.rollcall.store.generated.tables.ScimGroup;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Groups: the scim_group table, its columns, and members held in group_member. */
final class GroupSql implements ResourceSql {
    private final ResourceTypeDef type;

    GroupSql(ResourceTypeDef type) {
        this.type = type;
    }

    @Override
    public ResourceTypeDef type() {
        return type;
    }

    @Override
    public Field<Long> pk() {
        return SCIM_GROUP.PK;
    }

    @Override
    public Field<Long> sourceId() {
        return SCIM_GROUP.SOURCE_ID;
    }

    @Override
    public ValueTable values(String alias) {
        return ValueTable.groups(alias);
    }

    @Override
    public Condition column(ResolvedAttribute attr, CompareOp op, JsonNode value, String path) {
        if (!attr.coreSchema()) {
            return null;
        }
        return switch (attr.attribute().name()) {
            case "id" -> ColumnConditions.string(SCIM_GROUP.ID, false, attr, op, value, path);
            case "displayName" -> ColumnConditions.string(SCIM_GROUP.DISPLAY_NAME_CI, false, attr, op, value, path);
            case "externalId" -> ColumnConditions.string(SCIM_GROUP.EXTERNAL_ID, true, attr, op, value, path);
            case "meta" -> ColumnConditions.meta(SCIM_GROUP.CREATED_AT, SCIM_GROUP.UPDATED_AT, type.name(), attr, op, value, path);
            default -> null;
        };
    }

    @Override
    public Relation relation(ResolvedAttribute attr) {
        return attr.coreSchema() && attr.attribute().name().equals("members") ? new Members() : null;
    }

    @Override
    public Field<?> sortColumn(ResolvedAttribute attr) {
        if (!attr.coreSchema()) {
            return null;
        }
        return switch (attr.attribute().name()) {
            case "id" -> SCIM_GROUP.ID;
            case "displayName" -> SCIM_GROUP.DISPLAY_NAME_CI;
            case "externalId" -> SCIM_GROUP.EXTERNAL_ID;
            case "meta" -> SortFields.meta(attr, SCIM_GROUP.CREATED_AT, SCIM_GROUP.UPDATED_AT, type.name());
            case "members" -> throw new FilterException("cannot sort by '" + attr.indexKey() + "'");
            default -> null;
        };
    }

    /** Group.members: one group_member row per member, a user (account) or a nested group. */
    private static final class Members implements Relation {
        private final GroupMember gm = GROUP_MEMBER.as("gm");
        private final Account user = ACCOUNT.as("mu");
        private final ScimGroup group = SCIM_GROUP.as("mg");

        @Override
        public Condition exists(Condition element) {
            return DSL.exists(DSL.selectOne().from(gm)
                    .leftJoin(user).on(user.PK.eq(gm.MEMBER_ACCOUNT_PK))
                    .leftJoin(group).on(group.PK.eq(gm.MEMBER_GROUP_PK))
                    .where(gm.GROUP_PK.eq(SCIM_GROUP.PK)).and(element));
        }

        @Override
        public Condition element(ResolvedAttribute sub, CompareOp op, JsonNode value, String path) {
            switch (sub.sub().name()) {
                case "value":
                    // exactly one of the two is set (ck_group_member_one), so the coalesce is never null
                    return ColumnConditions.string(DSL.coalesce(user.ID, group.ID), false, sub, op, value, path);
                case "type":
                    Condition isUser = gm.MEMBER_ACCOUNT_PK.isNotNull();
                    return isUser.and(ColumnConditions.constant("User", sub, op, value, path))
                            .or(isUser.not().and(ColumnConditions.constant("Group", sub, op, value, path)));
                default:
                    if (op == null) {
                        return DSL.trueCondition();
                    }
                    throw new FilterException("attribute '" + path + "' cannot be compared in a filter");
            }
        }
    }
}
