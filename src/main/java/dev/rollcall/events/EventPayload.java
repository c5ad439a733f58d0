package dev.rollcall.events;

import java.util.List;
import java.util.Map;

/**
 * The typed payload of each event type. Components are the payload's fields in wire order;
 * a component documented as "absent when null" is left out of the payload rather than written null.
 */
public sealed interface EventPayload {

    EventType type();

    /**
     * A person became known downstream: its golden attributes (name to value, sorted by name).
     * {@code cause} and {@code caseId} are absent when null (a plain create).
     */
    record PersonCreated(String personId, Map<String, String> golden, String cause, String caseId) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_CREATED;
        }
    }

    /** Golden attributes changed; {@code cause} names the event that changed them. */
    record PersonUpdated(String personId, String cause, List<AttributeChange> changes) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_UPDATED;
        }
    }

    /** Sent to both persons of a merge: the survivor and the merged one. */
    record PersonMerged(String personId, String survivorId, String mergedId, List<String> accountIds)
            implements EventPayload {
        public EventType type() {
            return EventType.PERSON_MERGED;
        }
    }

    record PersonUnmerged(String personId, String fromPersonId, String newPersonId, String accountId)
            implements EventPayload {
        public EventType type() {
            return EventType.PERSON_UNMERGED;
        }
    }

    /**
     * The authoritative source terminated the person: access is revoked now; destruction follows at
     * {@code deprovisionAt} (ISO-8601 instant), the end of the grace period of {@code reason}.
     */
    record PersonSuspended(String personId, String reason, String deprovisionAt) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_SUSPENDED;
        }
    }

    /**
     * The person is active again: {@code reason} is {@code rescinded} (a termination withdrawn inside its
     * grace), {@code rehire} (a return after deprovisioning), {@code merged} or {@code reinstated} (IT
     * undid its own revocation); {@code previousState} is where it came from.
     */
    record PersonReactivated(String personId, String reason, String previousState) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_REACTIVATED;
        }
    }

    /** The grace of a termination ran out: downstream systems remove the person; {@code reason} is the termination's. */
    record PersonDeprovisioned(String personId, String reason) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_DEPROVISIONED;
        }
    }

    /**
     * A new person with a future hire date is provisioned downstream now (so onboarding is ready on day
     * one); it is pending until {@code startsAt} (ISO-8601 instant), when person.activated follows.
     */
    record PersonProvisioned(String personId, String startsAt) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_PROVISIONED;
        }
    }

    /**
     * A pending person starts: {@code reason} is {@code hire_date} (the day came) or {@code hire_date_changed}
     * (the date was moved to the past or removed).
     */
    record PersonActivated(String personId, String reason) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_ACTIVATED;
        }
    }

    /** The employment authority says the (active) person is on leave: it stays provisioned; no grace runs. */
    record PersonLeaveStarted(String personId) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_LEAVE_STARTED;
        }
    }

    /** The person is back from leave. */
    record PersonLeaveEnded(String personId) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_LEAVE_ENDED;
        }
    }

    /**
     * A suspended person's deprovision moved to {@code deprovisionAt} (ISO-8601 instant; null: cancelled,
     * the person stays suspended until the authoritative source or IT acts); {@code previousDeprovisionAt}
     * is the deadline before (null: there was none). {@code cause}: {@code termination_reason_changed}
     * (the new {@code reason}'s grace, from the suspension), or IT's {@code extended}, {@code shortened},
     * {@code scheduled}, {@code cancelled}.
     */
    record PersonGraceChanged(String personId, String reason, String previousDeprovisionAt, String deprovisionAt,
                              String cause) implements EventPayload {
        public EventType type() {
            return EventType.PERSON_GRACE_CHANGED;
        }
    }

    /**
     * An external persona's CRM contact moved to another CRM account ({@code cause} {@code crm_account_changed})
     * or was deleted ({@code contact_deleted}): the persona of {@code crmAccountId} (the former account)
     * keeps access until {@code endsAt}; the person's other personas are untouched.
     */
    record PersonaTransferStarted(String personId, String accountId, String source, String crmAccountId, String endsAt,
                                  String cause) implements EventPayload {
        public EventType type() {
            return EventType.PERSONA_TRANSFER_STARTED;
        }
    }

    /** The transfer grace of an external persona ran out: its access through {@code crmAccountId} ends. */
    record PersonaEnded(String personId, String accountId, String source, String crmAccountId, String reason)
            implements EventPayload {
        public EventType type() {
            return EventType.PERSONA_ENDED;
        }
    }

    record AccountCreated(String personId, String accountId, String source, String sourceKind,
                          List<AttributeChange> changes, Resolution resolution) implements EventPayload {
        public EventType type() {
            return EventType.ACCOUNT_CREATED;
        }
    }

    record AccountUpdated(String personId, String accountId, String source, String sourceKind,
                          List<AttributeChange> changes) implements EventPayload {
        public EventType type() {
            return EventType.ACCOUNT_UPDATED;
        }
    }

    /** A parked account was resolved to a person after a later push. */
    record AccountLinked(String personId, String accountId, String source, String sourceKind,
                         List<AttributeChange> changes, Resolution resolution) implements EventPayload {
        public EventType type() {
            return EventType.ACCOUNT_LINKED;
        }
    }

    record AccountDeleted(String personId, String accountId, String source, String sourceKind,
                          List<AttributeChange> changes) implements EventPayload {
        public EventType type() {
            return EventType.ACCOUNT_DELETED;
        }
    }

    record GroupCreated(String groupId, String source, String displayName, List<MemberRef> membersAdded,
                        List<MemberRef> membersRemoved) implements EventPayload {
        public EventType type() {
            return EventType.GROUP_CREATED;
        }
    }

    /** {@code previousDisplayName} is absent when the name did not change. */
    record GroupUpdated(String groupId, String source, String displayName, List<MemberRef> membersAdded,
                        List<MemberRef> membersRemoved, String previousDisplayName) implements EventPayload {
        public EventType type() {
            return EventType.GROUP_UPDATED;
        }
    }

    record GroupDeleted(String groupId, String source, String displayName, List<MemberRef> membersAdded,
                        List<MemberRef> membersRemoved) implements EventPayload {
        public EventType type() {
            return EventType.GROUP_DELETED;
        }
    }

    /** One golden attribute's change; on the wire {@code attribute}, {@code old}, {@code new}. */
    record AttributeChange(String attribute, String oldValue, String newValue) {
    }

    /** How an account was placed: outcome, match strength, score and evidence; {@code caseId} absent when null. */
    record Resolution(String outcome, String strength, int score, List<Evidence> evidence, String caseId) {
    }

    record Evidence(String rule, int points, String detail) {
    }

    /** A group member on the wire: its id and {@code User} or {@code Group}. */
    record MemberRef(String value, String type) {
    }
}
