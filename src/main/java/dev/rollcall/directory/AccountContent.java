package dev.rollcall.directory;

import dev.rollcall.identity.AccountFacts;
import dev.rollcall.schema.filter.IndexedValue;
import java.util.List;

/**
 * What a create or replace stores for an account, all derived by the protocol from one canonical
 * resource: its unique keys, the document itself, its filter index rows, and the facts identity
 * resolution reads.
 */
public record AccountContent(String externalId, String userName, String document, List<IndexedValue> values,
                             AccountFacts facts) {

    public String workerId() {
        return facts.workerId();
    }

    public boolean active() {
        return facts.active();
    }
}
