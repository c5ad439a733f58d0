package dev.rollcall.store;

import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.Filter;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.SchemaRegistry;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Compiles SCIM filters and sort paths to jOOQ over the account and scim_group tables, with bind
 * values only. Every attribute is resolved against the schema: unknown attributes, operators
 * that do not suit the attribute's type and literals of the wrong type throw
 * {@link FilterException} (400 invalidFilter). The caller still restricts the outer query to the
 * source ({@code ACCOUNT.SOURCE_ID.eq(sourceId)}); the overloads taking a sourceId also bind it
 * inside the index subqueries, which is what lets them use the (source_id, attr, val) index.
 */
public final class FilterSql {
    private final AttributeResolver userAttributes;
    private final AttributeResolver groupAttributes;
    private final UserSql users;
    private final GroupSql groups;

    public FilterSql(SchemaRegistry registry) {
        this.userAttributes = new AttributeResolver(registry, registry.user());
        this.groupAttributes = new AttributeResolver(registry, registry.group());
        this.users = new UserSql(registry.user());
        this.groups = new GroupSql(registry.group());
    }

    /** A condition over {@code Tables.ACCOUNT}; index subqueries correlate on account.source_id. */
    public Condition users(Filter filter) {
        return new FilterCompiler(userAttributes, users, users.sourceId()).compile(filter);
    }

    /** A condition over {@code Tables.ACCOUNT} for the accounts of one source. */
    public Condition users(long sourceId, Filter filter) {
        return new FilterCompiler(userAttributes, users, DSL.val(sourceId)).compile(filter);
    }

    /** A condition over {@code Tables.SCIM_GROUP}; index subqueries correlate on scim_group.source_id. */
    public Condition groups(Filter filter) {
        return new FilterCompiler(groupAttributes, groups, groups.sourceId()).compile(filter);
    }

    /** A condition over {@code Tables.SCIM_GROUP} for the groups of one source. */
    public Condition groups(long sourceId, Filter filter) {
        return new FilterCompiler(groupAttributes, groups, DSL.val(sourceId)).compile(filter);
    }

    /**
     * The field to ORDER BY for a sortBy on Users. It may be null for users without the attribute:
     * order with {@code .asc().nullsLast()} / {@code .desc().nullsFirst()} as RFC 7644 §3.4.2.3 asks.
     */
    public Field<?> userSortField(AttrPath path) {
        return sortField(userAttributes, users, path);
    }

    /** The field to ORDER BY for a sortBy on Groups; see {@link #userSortField}. */
    public Field<?> groupSortField(AttrPath path) {
        return sortField(groupAttributes, groups, path);
    }

    private static Field<?> sortField(AttributeResolver resolver, ResourceSql resource, AttrPath path) {
        ResolvedAttribute attr = resolver.valueOf(resolver.resolve(path), path.toString());
        Field<?> column = resource.sortColumn(attr);
        if (column != null) {
            return column;
        }
        if (resource.relation(attr) != null) {
            throw new FilterException("cannot sort by '" + path + "'");
        }
        resolver.requireIndexed(attr, path.toString());
        return SortFields.indexed(resource, attr);
    }
}
