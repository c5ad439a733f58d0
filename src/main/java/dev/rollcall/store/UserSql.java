package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.GROUP_MEMBER;
import static dev.rollcall.store.generated.Tables.SCIM_GROUP;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.filter.CompareOp;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.store.generated.tables.GroupMember;
import dev.rollcall.store.generated.tables.ScimGroup;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Users: the account table, its columns, and the groups a user is a direct member of. */
final class UserSql implements ResourceSql {
    private final ResourceTypeDef type;

    UserSql(ResourceTypeDef type) {
        this.type = type;
    }

    @Override
    public ResourceTypeDef type() {
        return type;
    }

    @Override
    public Field<Long> pk() {
        return ACCOUNT.PK;
    }

    @Override
    public Field<Long> sourceId() {
        return ACCOUNT.SOURCE_ID;
    }

    @Override
    public ValueTable values(String alias) {
        return ValueTable.accounts(alias);
    }

    @Override
    public Condition column(ResolvedAttribute attr, CompareOp op, JsonNode value, String path) {
        if (!attr.coreSchema()) {
            return null;
        }
        return switch (attr.attribute().name()) {
            case "id" -> ColumnConditions.string(ACCOUNT.ID, false, attr, op, value, path);
            case "userName" -> ColumnConditions.string(ACCOUNT.USER_NAME_CI, false, attr, op, value, path);
            case "externalId" -> ColumnConditions.string(ACCOUNT.EXTERNAL_ID, true, attr, op, value, path);
            case "meta" -> ColumnConditions.meta(ACCOUNT.CREATED_AT, ACCOUNT.UPDATED_AT, type.name(), attr, op, value, path);
            default -> null;
        };
    }

    @Override
    public Relation relation(ResolvedAttribute attr) {
        return attr.coreSchema() && attr.attribute().name().equals("groups") ? new DirectGroups() : null;
    }

    @Override
    public Field<?> sortColumn(ResolvedAttribute attr) {
        if (!attr.coreSchema()) {
            return null;
        }
        return switch (attr.attribute().name()) {
            case "id" -> ACCOUNT.ID;
            case "userName" -> ACCOUNT.USER_NAME_CI;
            case "externalId" -> ACCOUNT.EXTERNAL_ID;
            case "meta" -> SortFields.meta(attr, ACCOUNT.CREATED_AT, ACCOUNT.UPDATED_AT, type.name());
            case "groups" -> throw new FilterException("cannot sort by '" + attr.indexKey() + "'");
            default -> null;
        };
    }

    /** User.groups, computed from group_member: direct memberships only (type "direct"). */
    private static final class DirectGroups implements Relation {
        private final GroupMember gm = GROUP_MEMBER.as("ugm");
        private final ScimGroup g = SCIM_GROUP.as("ug");

        @Override
        public Condition exists(Condition element) {
            return DSL.exists(DSL.selectOne().from(gm).join(g).on(g.PK.eq(gm.GROUP_PK))
                    .where(gm.MEMBER_ACCOUNT_PK.eq(ACCOUNT.PK)).and(element));
        }

        @Override
        public Condition element(ResolvedAttribute sub, CompareOp op, JsonNode value, String path) {
            return switch (sub.sub().name()) {
                case "value" -> ColumnConditions.string(g.ID, false, sub, op, value, path);
                case "display" -> ColumnConditions.string(g.DISPLAY_NAME_CI, false, sub, op, value, path);
                case "type" -> ColumnConditions.constant("direct", sub, op, value, path);
                default -> op == null ? DSL.trueCondition()
                        : fail(path);
            };
        }

        private static Condition fail(String path) {
            throw new FilterException("attribute '" + path + "' cannot be compared in a filter");
        }
    }
}
