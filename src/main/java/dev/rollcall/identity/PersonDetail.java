package dev.rollcall.identity;

import java.time.Instant;
import java.util.List;

/**
 * What IT sees of one person: state (why, since when, until when its grace runs, the timers pending,
 * since when it is on leave: null when not),
 * golden attributes with provenance, personas, linked accounts (with the facts each pushed) and the
 * open cases about it.
 */
public record PersonDetail(String id, LifecycleState state, String stateReason, Instant stateSince, Instant graceUntil,
                           Instant onLeaveSince, List<PendingTimer> pendingTimers, boolean provisional, String mergedIntoId,
                           GoldenRecord golden, List<Persona> personas, List<LinkedAccount> accounts,
                           List<String> openCaseIds, long version, Instant createdAt, Instant updatedAt) {
    public PersonDetail {
        pendingTimers = List.copyOf(pendingTimers);
        personas = List.copyOf(personas);
        accounts = List.copyOf(accounts);
        openCaseIds = List.copyOf(openCaseIds);
    }
}
