package dev.rollcall.store;

import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.AttributeType;
import dev.rollcall.schema.ResolvedAttribute;
import java.time.LocalDateTime;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Fields to ORDER BY for sortBy (RFC 7644 §3.4.2.3). */
final class SortFields {

    private SortFields() {
    }

    static Field<?> meta(ResolvedAttribute attr, Field<LocalDateTime> created, Field<LocalDateTime> lastModified, String resourceType) {
        String sub = attr.sub() == null ? "" : attr.sub().name();
        return switch (sub) {
            case "created" -> created;
            case "lastModified" -> lastModified;
            case "resourceType" -> DSL.inline(resourceType);
            default -> throw new FilterException("cannot sort by '" + attr.indexKey() + "'");
        };
    }

    /**
     * A correlated scalar subquery over the value index: the value of the attribute, for a
     * multi-valued one that of the primary element if any, else the smallest. Null when absent.
     */
    static Field<?> indexed(ResourceSql resource, ResolvedAttribute attr) {
        AttributeDef target = attr.target();
        if (target.isComplex()) {
            throw new FilterException("cannot sort by complex attribute '" + attr.indexKey() + "'");
        }
        boolean numeric = target.type() == AttributeType.INTEGER || target.type() == AttributeType.DECIMAL;
        ValueTable v = resource.values("sv");
        Field<?> value = numeric ? v.num() : v.val();
        boolean hasPrimary = attr.attribute().multiValued() && attr.sub() != null
                && attr.attribute().subAttribute("primary").isPresent();
        if (!hasPrimary) {
            return DSL.select(DSL.min(value)).from(v.table())
                    .where(v.ownerPk().eq(resource.pk())).and(v.attr().eq(attr.indexKey()))
                    .asField();
        }
        ValueTable primary = resource.values("sp");
        String primaryKey = new ResolvedAttribute(attr.schema(), attr.coreSchema(), attr.attribute(),
                attr.attribute().subAttribute("primary").orElseThrow()).indexKey();
        return DSL.select(value).from(v.table()).leftJoin(primary.table()).on(primary.ownerPk().eq(v.ownerPk()))
                .and(primary.attr().eq(primaryKey)).and(primary.idx().eq(v.idx()))
                .where(v.ownerPk().eq(resource.pk())).and(v.attr().eq(attr.indexKey()))
                .orderBy(DSL.when(primary.val().eq("true"), DSL.inline(0)).otherwise(DSL.inline(1)), value)
                .limit(DSL.inline(1))
                .asField();
    }
}
