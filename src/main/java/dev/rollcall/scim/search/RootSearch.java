package dev.rollcall.scim.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.scim.http.ListParams;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A search across every resource type of the source (RFC 7644 §3.4.3, POST /.search at the root).
 * Results are the types in order (Users, then Groups), each sorted by its own sortBy; paging runs
 * over that concatenation and totalResults is the sum of the types' totals.
 *
 * <p>Per type, the filter is narrowed by {@link FilterScope}: an attribute the type does not have
 * is absent there, so the type may contribute nothing without failing the search. An attribute that
 * no type has is still a 400 invalidFilter (it is a mistake, not a question). Likewise a sortBy that
 * one type lacks leaves that type in its default order; one that no type has is a 400 invalidValue.
 */
public final class RootSearch {
    private final List<SearchableType> types;
    private final FilterScope scope;

    public RootSearch(List<SearchableType> types, FilterScope scope) {
        this.types = List.copyOf(types);
        this.scope = scope;
    }

    public Page<ObjectNode> search(Source source, ListParams params) {
        List<ScopedFilter> filters = types.stream().map(t -> scope.scope(t.type(), params.filter())).toList();
        requireSomeTypeKnows(filters);
        List<AttrPath> sorts = types.stream().map(t -> sortFor(t, params.sortBy())).toList();
        if (params.sortBy() != null && sorts.stream().allMatch(s -> s == null)) {
            throw ScimException.invalidValue("sortBy: no resource type has the attribute '" + params.sortBy() + "'");
        }
        int skip = params.startIndex() - 1;
        int wanted = params.count();
        int total = 0;
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (filters.get(i).none()) {
                continue;
            }
            ListParams typed = new ListParams(filters.get(i).filter(), sorts.get(i), params.descending(), skip + 1, wanted,
                    params.attributes(), params.excludedAttributes());
            Page<ObjectNode> page = types.get(i).list(source, typed);
            total += page.totalResults();
            items.addAll(page.items());
            wanted -= page.items().size();
            skip = Math.max(0, skip - page.totalResults());
        }
        return new Page<>(items, total, params.startIndex());
    }

    private static void requireSomeTypeKnows(List<ScopedFilter> filters) {
        Set<String> unknownEverywhere = new LinkedHashSet<>(filters.get(0).unknown());
        filters.forEach(f -> unknownEverywhere.retainAll(f.unknown()));
        if (!unknownEverywhere.isEmpty()) {
            throw ScimException.invalidFilter("unknown attribute '" + unknownEverywhere.iterator().next() + "'");
        }
    }

    private AttrPath sortFor(SearchableType type, AttrPath sortBy) {
        return sortBy != null && scope.resolve(type.type(), sortBy).isPresent() ? sortBy : null;
    }
}
