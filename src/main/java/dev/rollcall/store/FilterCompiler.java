package dev.rollcall.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.CompareOp;
import dev.rollcall.schema.filter.Filter;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.filter.ValueNormalizer;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.AttributeType;
import dev.rollcall.schema.ResolvedAttribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Compiles one filter for one resource table. Column-backed attributes become column conditions;
 * every other attribute becomes {@code pk IN (SELECT owner FROM values WHERE source_id = ? AND
 * attr = ? AND val op ?)}, which MariaDB runs as a semi-join driven by the (source_id, attr, val)
 * or (source_id, attr, num) index. Holds only an alias counter, so use one instance per filter.
 */
final class FilterCompiler {
    private final AttributeResolver resolver;
    private final ResourceSql resource;
    private final Field<Long> sourceId;
    private int aliases;

    FilterCompiler(AttributeResolver resolver, ResourceSql resource, Field<Long> sourceId) {
        this.resolver = resolver;
        this.resource = resource;
        this.sourceId = sourceId;
    }

    /** A leaf: {@code op} null means {@code pr}. */
    private interface Leaf {
        Condition apply(CompareOp op, JsonNode value);
    }

    Condition compile(Filter f) {
        if (f instanceof Filter.And and) {
            return compile(and.left()).and(compile(and.right()));
        }
        if (f instanceof Filter.Or or) {
            return compile(or.left()).or(compile(or.right()));
        }
        if (f instanceof Filter.Not not) {
            return DSL.not(compile(not.inner()));
        }
        if (f instanceof Filter.Present p) {
            return attribute(p.path(), null, null);
        }
        if (f instanceof Filter.Compare c) {
            return compare(c, (op, value) -> attribute(c.path(), op, value));
        }
        return valuePath((Filter.ValuePath) f);
    }

    /** ne is not(eq); {@code eq null} is "not present" and {@code ne null} is "present". */
    private static Condition compare(Filter.Compare c, Leaf leaf) {
        if (c.value().isNull()) {
            return switch (c.op()) {
                case EQ -> DSL.not(leaf.apply(null, null));
                case NE -> leaf.apply(null, null);
                default -> throw new FilterException("only eq and ne can compare '" + c.path() + "' with null");
            };
        }
        if (c.op() == CompareOp.NE) {
            return DSL.not(leaf.apply(CompareOp.EQ, c.value()));
        }
        return leaf.apply(c.op(), c.value());
    }

    private Condition attribute(AttrPath path, CompareOp op, JsonNode value) {
        ResolvedAttribute attr = resolver.resolve(path);
        String text = path.toString();
        if (op != null) {
            attr = resolver.valueOf(attr, text);
        }
        Condition column = resource.column(attr, op, value, text);
        if (column != null) {
            return column;
        }
        Relation relation = resource.relation(attr);
        if (relation != null) {
            return relation.exists(attr.sub() == null ? DSL.trueCondition() : relation.element(attr, op, value, text));
        }
        resolver.requireIndexed(attr, text);
        ValueTable v = values();
        Condition row = op == null ? present(v, attr) : match(v, attr, op, value, text);
        return resource.pk().in(DSL.select(v.ownerPk()).from(v.table()).where(v.sourceId().eq(sourceId)).and(row));
    }

    /** {@code attr[filter]}: all conditions hold on one element (one idx, or one relation row). */
    private Condition valuePath(Filter.ValuePath vp) {
        ResolvedAttribute attr = resolver.resolve(vp.path());
        String text = vp.path().toString();
        if (attr.sub() != null || !attr.attribute().isComplex()) {
            throw new FilterException("a value filter needs a complex attribute, and '" + text + "' is not one");
        }
        Relation relation = resource.relation(attr);
        if (relation != null) {
            return relation.exists(relationElement(relation, attr, vp.filter(), text));
        }
        resolver.requireIndexed(attr, text);
        ValueTable e = values();
        // Drive from the most selective positive comparison of the conjunction, so the index finds the element.
        List<Filter> conjuncts = new ArrayList<>();
        flattenAnd(vp.filter(), conjuncts);
        Filter.Compare driver = conjuncts.stream()
                .filter(c -> c instanceof Filter.Compare cmp && cmp.op() != CompareOp.NE && !cmp.value().isNull())
                .map(Filter.Compare.class::cast)
                .min(Comparator.comparingInt(c -> selectivityRank(resolver.sub(attr, c.path(), text), c.op())))
                .orElse(null);
        Condition where;
        if (driver != null) {
            conjuncts.remove(driver);
            ResolvedAttribute sub = resolver.sub(attr, driver.path(), text);
            where = match(e, sub, driver.op(), driver.value(), text + "." + driver.path().attribute());
        } else {
            where = present(e, attr);
        }
        for (Filter conjunct : conjuncts) {
            where = where.and(element(e, attr, conjunct, text));
        }
        return resource.pk().in(DSL.select(e.ownerPk()).from(e.table()).where(e.sourceId().eq(sourceId)).and(where));
    }

    /** A condition on the element at {@code e.idx}: each leaf is a sibling row with the same idx. */
    private Condition element(ValueTable e, ResolvedAttribute parent, Filter f, String parentText) {
        if (f instanceof Filter.And and) {
            return element(e, parent, and.left(), parentText).and(element(e, parent, and.right(), parentText));
        }
        if (f instanceof Filter.Or or) {
            return element(e, parent, or.left(), parentText).or(element(e, parent, or.right(), parentText));
        }
        if (f instanceof Filter.Not not) {
            return DSL.not(element(e, parent, not.inner(), parentText));
        }
        AttrPath inner = f instanceof Filter.Present p ? p.path() : innerPath(f);
        ResolvedAttribute sub = resolver.sub(parent, inner, parentText);
        String text = parentText + "." + inner.attribute();
        Leaf sibling = (op, value) -> {
            ValueTable v = values();
            Condition row = op == null ? v.attr().eq(sub.indexKey()) : match(v, sub, op, value, text);
            return DSL.exists(DSL.selectOne().from(v.table())
                    .where(v.ownerPk().eq(e.ownerPk())).and(v.idx().eq(e.idx())).and(row));
        };
        return f instanceof Filter.Compare c ? compare(c, sibling) : sibling.apply(null, null);
    }

    private Condition relationElement(Relation relation, ResolvedAttribute parent, Filter f, String parentText) {
        if (f instanceof Filter.And and) {
            return relationElement(relation, parent, and.left(), parentText).and(relationElement(relation, parent, and.right(), parentText));
        }
        if (f instanceof Filter.Or or) {
            return relationElement(relation, parent, or.left(), parentText).or(relationElement(relation, parent, or.right(), parentText));
        }
        if (f instanceof Filter.Not not) {
            return DSL.not(relationElement(relation, parent, not.inner(), parentText));
        }
        AttrPath inner = f instanceof Filter.Present p ? p.path() : innerPath(f);
        ResolvedAttribute sub = resolver.sub(parent, inner, parentText);
        String text = parentText + "." + inner.attribute();
        Leaf leaf = (op, value) -> relation.element(sub, op, value, text);
        return f instanceof Filter.Compare c ? compare(c, leaf) : leaf.apply(null, null);
    }

    private static AttrPath innerPath(Filter f) {
        if (f instanceof Filter.Compare c) {
            return c.path();
        }
        throw new FilterException("value filters cannot be nested");
    }

    /** A row of the attribute exists; for a complex attribute, a row of any of its sub-attributes. */
    private Condition present(ValueTable v, ResolvedAttribute attr) {
        if (attr.sub() == null && attr.attribute().isComplex()) {
            return v.attr().in(resolver.indexedSubKeys(attr));
        }
        return v.attr().eq(attr.indexKey());
    }

    /** The row holds the attribute with a value satisfying {@code op literal}. */
    private static Condition match(ValueTable v, ResolvedAttribute attr, CompareOp op, JsonNode value, String text) {
        AttributeDef def = attr.target();
        ValueNormalizer.Normalized literal = Literals.normalize(text, def, op, value);
        Condition sameAttr = v.attr().eq(attr.indexKey());
        if (SqlCompare.isLike(op)) {
            return sameAttr.and(SqlCompare.like(v.val(), op, literal.val()));
        }
        if (literal.num() != null) {
            return sameAttr.and(SqlCompare.compare(v.num(), op, literal.num()));
        }
        return sameAttr.and(SqlCompare.compare(v.val(), op, literal.val()));
    }

    /**
     * Lower is more selective: equality before prefix before the rest, and free-form values (an
     * email address) before sub-attributes with few distinct values (type, primary).
     */
    private static int selectivityRank(ResolvedAttribute sub, CompareOp op) {
        int byOp = op == CompareOp.EQ ? 0 : op == CompareOp.SW ? 2 : 4;
        AttributeDef def = sub.target();
        boolean fewValues = def.type() == AttributeType.BOOLEAN || !def.canonicalValues().isEmpty();
        return byOp + (fewValues ? 1 : 0);
    }

    private static void flattenAnd(Filter f, List<Filter> out) {
        if (f instanceof Filter.And and) {
            flattenAnd(and.left(), out);
            flattenAnd(and.right(), out);
        } else {
            out.add(f);
        }
    }

    private ValueTable values() {
        return resource.values("v" + (++aliases));
    }
}
