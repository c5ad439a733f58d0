package dev.rollcall.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of events: one constant per type, each with its wire name and its payload type.
 * {@code openapi/rollcall.yaml} describes each under {@code webhooks}, and a test holds the two together.
 */
public enum EventType {
    PERSON_CREATED("person.created", EventSubject.PERSON, EventPayload.PersonCreated.class),
    PERSON_UPDATED("person.updated", EventSubject.PERSON, EventPayload.PersonUpdated.class),
    PERSON_MERGED("person.merged", EventSubject.PERSON, EventPayload.PersonMerged.class),
    PERSON_UNMERGED("person.unmerged", EventSubject.PERSON, EventPayload.PersonUnmerged.class),
    PERSON_SUSPENDED("person.suspended", EventSubject.PERSON, EventPayload.PersonSuspended.class),
    PERSON_REACTIVATED("person.reactivated", EventSubject.PERSON, EventPayload.PersonReactivated.class),
    PERSON_DEPROVISIONED("person.deprovisioned", EventSubject.PERSON, EventPayload.PersonDeprovisioned.class),
    PERSON_GRACE_CHANGED("person.grace_changed", EventSubject.PERSON, EventPayload.PersonGraceChanged.class),
    ACCOUNT_CREATED("account.created", EventSubject.PERSON, EventPayload.AccountCreated.class),
    ACCOUNT_UPDATED("account.updated", EventSubject.PERSON, EventPayload.AccountUpdated.class),
    ACCOUNT_LINKED("account.linked", EventSubject.PERSON, EventPayload.AccountLinked.class),
    ACCOUNT_DELETED("account.deleted", EventSubject.PERSON, EventPayload.AccountDeleted.class),
    GROUP_CREATED("group.created", EventSubject.GROUP, EventPayload.GroupCreated.class),
    GROUP_UPDATED("group.updated", EventSubject.GROUP, EventPayload.GroupUpdated.class),
    GROUP_DELETED("group.deleted", EventSubject.GROUP, EventPayload.GroupDeleted.class);

    private final String wireName;
    private final EventSubject subject;
    private final Class<? extends EventPayload> payloadType;

    EventType(String wireName, EventSubject subject, Class<? extends EventPayload> payloadType) {
        this.wireName = wireName;
        this.subject = subject;
        this.payloadType = payloadType;
    }

    /** The name on the wire and in the event log, e.g. {@code person.created}. */
    public String wireName() {
        return wireName;
    }

    /** Whether events of this type are about a person (numbered in its sequence) or a group. */
    public EventSubject subject() {
        return subject;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
