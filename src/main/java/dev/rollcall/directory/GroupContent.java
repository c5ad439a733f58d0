package dev.rollcall.directory;

import dev.rollcall.schema.filter.IndexedValue;
import java.util.List;

/** What a create or replace stores for a group (members apart). */
public record GroupContent(String externalId, String displayName, String document, List<IndexedValue> values) {
}
