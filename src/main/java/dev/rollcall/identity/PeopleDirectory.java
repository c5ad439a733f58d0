package dev.rollcall.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The person list IT reads, outside any change: filtered pages by key (never by offset) and the
 * accounts of one page. A person merged into another is not listed; its survivor is.
 */
public interface PeopleDirectory {

    /** A filter of the list; null members do not filter. accountKind: persons with an account in a source of that kind. */
    record Filter(LifecycleState state, Long sourceId, SourceKind accountKind, String department, String text) {
    }

    /** A person as listed; state is null exactly when the person is provisional. */
    record ListedPerson(long pk, String id, LifecycleState state, String stateReason, boolean provisional,
                        GoldenRecord golden, long version, Instant createdAt, Instant updatedAt) {
    }

    /** An account linked to a listed person, with its source's name and kind. */
    record ListedAccount(long personPk, String id, long sourceId, String sourceName, SourceKind sourceKind,
                         String externalId, String userName, String workerId, boolean active,
                         Instant createdAt, Instant updatedAt) {
    }

    /** Up to limit persons after the given key (null: from the start), in key order. */
    List<ListedPerson> page(Filter filter, Long afterPk, int limit);

    /** The accounts linked to the given persons, by person then creation. */
    List<ListedAccount> accountsOf(Collection<Long> personPks);
}
