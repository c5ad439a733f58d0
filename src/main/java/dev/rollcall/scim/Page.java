package dev.rollcall.scim;

import java.util.List;

/** One page of a list: the items, the total number of matches and the 1-based index of the first. */
public record Page<T>(List<T> items, int totalResults, int startIndex) {
}
