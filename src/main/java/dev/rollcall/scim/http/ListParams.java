package dev.rollcall.scim.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.Filter;
import dev.rollcall.schema.filter.FilterCost;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.filter.FilterParser;
import dev.rollcall.schema.SchemaUris;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Locale;

/**
 * The query of a list or search request (RFC 7644 §3.4.2): filter, sort, paging and projection,
 * parsed and checked. startIndex is 1-based; count is capped at the configured maximum.
 */
public record ListParams(Filter filter, AttrPath sortBy, boolean descending, int startIndex, int count,
                         String attributes, String excludedAttributes) {

    public static ListParams fromQuery(MultivaluedMap<String, String> q, ScimLimits limits) {
        return of(q.getFirst("filter"), q.getFirst("sortBy"), q.getFirst("sortOrder"), q.getFirst("startIndex"),
                q.getFirst("count"), q.getFirst("attributes"), q.getFirst("excludedAttributes"), limits);
    }

    /** A SearchRequest body (POST .search). */
    public static ListParams fromSearchRequest(JsonNode body, ScimLimits limits) {
        if (!body.isObject()) {
            throw ScimException.invalidSyntax("a SearchRequest must be a JSON object");
        }
        JsonNode schemas = body.get("schemas");
        if (schemas != null && schemas.isArray() && schemas.size() > 0) {
            boolean found = false;
            for (JsonNode s : schemas) {
                found |= SchemaUris.SEARCH_REQUEST.equalsIgnoreCase(s.asText());
            }
            if (!found) {
                throw ScimException.invalidSyntax("schemas must contain " + SchemaUris.SEARCH_REQUEST);
            }
        }
        return of(text(body, "filter"), text(body, "sortBy"), text(body, "sortOrder"), text(body, "startIndex"),
                text(body, "count"), joined(body, "attributes"), joined(body, "excludedAttributes"), limits);
    }

    private static ListParams of(String filter, String sortBy, String sortOrder, String startIndex, String count,
                                 String attributes, String excluded, ScimLimits limits) {
        int maxResults = limits.filterMaxResults();
        Filter parsed = null;
        if (filter != null && !filter.isBlank()) {
            try {
                parsed = FilterParser.parse(filter);
            } catch (FilterException e) {
                throw ScimException.invalidFilter(e.getMessage());
            }
            // refused before it reaches the database: 200 substring tests took seconds at a few thousand users
            long cost = FilterCost.of(parsed);
            if (cost > limits.filterMaxCost()) {
                throw ScimException.tooMany("the filter costs " + cost + "; at most " + limits.filterMaxCost()
                        + " is accepted (each comparison counts 1, co and ew " + FilterCost.UNINDEXED
                        + "; ROLLCALL_FILTER_MAX_COST)");
            }
        }
        AttrPath sort = null;
        if (sortBy != null && !sortBy.isBlank()) {
            try {
                sort = FilterParser.parseAttrPath(sortBy.trim());
            } catch (FilterException e) {
                throw ScimException.invalidValue("sortBy: " + e.getMessage());
            }
        }
        boolean descending = false;
        if (sortOrder != null && !sortOrder.isBlank()) {
            String order = sortOrder.trim().toLowerCase(Locale.ROOT);
            if (!order.equals("ascending") && !order.equals("descending")) {
                throw ScimException.invalidValue("sortOrder must be ascending or descending");
            }
            descending = order.equals("descending");
        }
        int start = Math.max(1, integer("startIndex", startIndex, 1));
        int size = Math.min(Math.max(0, integer("count", count, maxResults)), maxResults);
        return new ListParams(parsed, sort, descending, start, size, blankToNull(attributes), blankToNull(excluded));
    }

    private static int integer(String name, String raw, int dflt) {
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue(name + " must be an integer, got: " + raw);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = caseInsensitive(body, field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String joined(JsonNode body, String field) {
        JsonNode v = caseInsensitive(body, field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            return v.asText();
        }
        StringBuilder sb = new StringBuilder();
        v.forEach(e -> sb.append(sb.length() == 0 ? "" : ",").append(e.asText()));
        return sb.toString();
    }

    private static JsonNode caseInsensitive(JsonNode body, String field) {
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equalsIgnoreCase(field)) {
                return body.get(name);
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
