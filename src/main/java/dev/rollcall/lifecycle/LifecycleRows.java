package dev.rollcall.lifecycle;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What the lifecycle keeps about a person beyond its state, in the current transaction (the person
 * is locked by the caller first): its leave, its CRM personas and their transfer graces, and the time
 * zone each source's plain dates are read in.
 */
public interface LifecycleRows {

    /** The lifecycle columns of a (locked) person. */
    PersonLifecycleRow person(long personPk);

    /** Marks the person on leave since {@code since}, or (null) back from leave. */
    void setOnLeave(long personPk, Instant since);

    /** The source's own time zone for plain dates, if it set one. */
    Optional<ZoneId> sourceZone(long sourceId);

    /** The CRM personas known for the person or for any of these accounts (which may have come from a merge). */
    List<CrmPersona> crmPersonas(long personPk, List<String> accountIds);

    /** Inserts or replaces the row of one contact and CRM account (its key). */
    void saveCrmPersona(CrmPersona persona, Instant now);

    /** When the person was created, why and since when it is in its state, and since when it is on leave. */
    record PersonLifecycleRow(Instant createdAt, String stateReason, Instant stateSince, Instant onLeaveSince) {
    }
}
