package dev.rollcall.scim.search;

import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.Filter;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Narrows a filter to one resource type for a search across types. RFC 7644 §3.4.2.2: "For
 * filtered attributes that are not part of a particular resource type, the service provider SHALL
 * treat the attribute as if there is no attribute value": a comparison or presence test on such an
 * attribute is false for that type (so {@code not (x pr)} is true), and the rest of the filter is
 * simplified around it. {@code userName eq "a" or displayName eq "b"} thus finds the user a and
 * the group b.
 */
public final class FilterScope {
    private final SchemaRegistry registry;

    public FilterScope(SchemaRegistry registry) {
        this.registry = registry;
    }

    private enum Truth { TRUE, FALSE, SOME }

    private record Pruned(Truth truth, Filter filter) {
        static final Pruned ALWAYS = new Pruned(Truth.TRUE, null);
        static final Pruned NEVER = new Pruned(Truth.FALSE, null);

        static Pruned of(Filter f) {
            return new Pruned(Truth.SOME, f);
        }
    }

    public ScopedFilter scope(ResourceTypeDef type, Filter filter) {
        if (filter == null) {
            return new ScopedFilter(null, false, Set.of());
        }
        Set<String> unknown = new LinkedHashSet<>();
        Pruned p = prune(type, filter, unknown);
        return new ScopedFilter(p.filter(), p.truth() == Truth.FALSE, unknown);
    }

    private Pruned prune(ResourceTypeDef type, Filter f, Set<String> unknown) {
        return simplify(f, leaf -> {
            if (leaf instanceof Filter.Compare c) {
                return known(type, c.path(), unknown) ? Pruned.of(c) : Pruned.NEVER;
            }
            if (leaf instanceof Filter.Present p) {
                return known(type, p.path(), unknown) ? Pruned.of(p) : Pruned.NEVER;
            }
            Filter.ValuePath v = (Filter.ValuePath) leaf;
            Optional<ResolvedAttribute> parent = resolve(type, v.path());
            if (parent.isEmpty()) {
                unknown.add(v.path().toString());
                return Pruned.NEVER;
            }
            Pruned inner = pruneInside(parent.get().attribute(), v.path(), v.filter(), unknown);
            return switch (inner.truth()) {
                case FALSE -> Pruned.NEVER;
                case TRUE -> Pruned.of(new Filter.Present(v.path()));
                case SOME -> Pruned.of(new Filter.ValuePath(v.path(), inner.filter()));
            };
        });
    }

    /** Inside {@code parent[...]} names are sub-attributes of parent. */
    private Pruned pruneInside(AttributeDef parent, AttrPath parentPath, Filter f, Set<String> unknown) {
        return simplify(f, leaf -> {
            if (leaf instanceof Filter.Compare c) {
                return sub(parent, parentPath, c.path(), unknown) ? Pruned.of(c) : Pruned.NEVER;
            }
            if (leaf instanceof Filter.Present p) {
                return sub(parent, parentPath, p.path(), unknown) ? Pruned.of(p) : Pruned.NEVER;
            }
            return Pruned.of(leaf); // a value path inside a value path: the type's own compiler reports it
        });
    }

    /** Applies {@code leaf} to the comparisons and simplifies and/or/not around constant results. */
    private static Pruned simplify(Filter f, Function<Filter, Pruned> leaf) {
        if (f instanceof Filter.And a) {
            Pruned l = simplify(a.left(), leaf);
            Pruned r = simplify(a.right(), leaf);
            if (l.truth() == Truth.FALSE || r.truth() == Truth.FALSE) {
                return Pruned.NEVER;
            }
            return l.truth() == Truth.TRUE ? r : r.truth() == Truth.TRUE ? l : Pruned.of(new Filter.And(l.filter(), r.filter()));
        }
        if (f instanceof Filter.Or o) {
            Pruned l = simplify(o.left(), leaf);
            Pruned r = simplify(o.right(), leaf);
            if (l.truth() == Truth.TRUE || r.truth() == Truth.TRUE) {
                return Pruned.ALWAYS;
            }
            return l.truth() == Truth.FALSE ? r : r.truth() == Truth.FALSE ? l : Pruned.of(new Filter.Or(l.filter(), r.filter()));
        }
        if (f instanceof Filter.Not n) {
            Pruned inner = simplify(n.inner(), leaf);
            return switch (inner.truth()) {
                case TRUE -> Pruned.NEVER;
                case FALSE -> Pruned.ALWAYS;
                case SOME -> Pruned.of(new Filter.Not(inner.filter()));
            };
        }
        return leaf.apply(f);
    }

    private boolean sub(AttributeDef parent, AttrPath parentPath, AttrPath inner, Set<String> unknown) {
        if (parent.subAttribute(inner.attribute()).isPresent()) {
            return true;
        }
        unknown.add(parentPath + "." + inner.attribute());
        return false;
    }

    private boolean known(ResourceTypeDef type, AttrPath path, Set<String> unknown) {
        if (resolve(type, path).isPresent()) {
            return true;
        }
        unknown.add(path.toString());
        return false;
    }

    /** As the filter compiler resolves: case-insensitive, a bare name may live in exactly one extension. */
    Optional<ResolvedAttribute> resolve(ResourceTypeDef type, AttrPath path) {
        return registry.resolveLenient(type, path.schemaUrn(), path.attribute(), path.subAttribute());
    }
}
