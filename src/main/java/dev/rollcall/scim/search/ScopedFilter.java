package dev.rollcall.scim.search;

import dev.rollcall.schema.filter.Filter;
import java.util.Set;

/**
 * A filter narrowed to one resource type: it matches every resource of the type ({@code filter}
 * null, {@code none} false), none of them ({@code none} true) or those matching {@code filter}.
 *
 * @param unknown the attribute paths of the filter that the type does not have
 */
public record ScopedFilter(Filter filter, boolean none, Set<String> unknown) {
}
