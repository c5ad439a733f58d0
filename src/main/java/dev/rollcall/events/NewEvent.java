package dev.rollcall.events;

import java.util.Objects;

/**
 * An event to append in the change's transaction. Person events carry the person's sequence number
 * (already advanced by the caller); {@code announced} is false for a provisional person, whose events
 * are kept for the timeline but never delivered downstream.
 */
public record NewEvent(EventPayload payload, String personId, Long personSeq, String groupId, Long sourceId,
                       boolean announced) {

    public NewEvent {
        Objects.requireNonNull(payload, "payload");
        boolean person = payload.type().subject() == EventSubject.PERSON;
        if (person != (personId != null && personSeq != null) || person == (groupId != null)) {
            throw new IllegalArgumentException(payload.type().wireName() + " needs a " + payload.type().subject()
                    + " subject");
        }
    }

    public static NewEvent aboutPerson(EventPayload payload, String personId, long personSeq, Long sourceId,
                                       boolean announced) {
        return new NewEvent(payload, personId, personSeq, null, sourceId, announced);
    }

    public static NewEvent aboutGroup(EventPayload payload, String groupId, Long sourceId) {
        return new NewEvent(payload, null, null, groupId, sourceId, true);
    }

    public EventType type() {
        return payload.type();
    }
}
