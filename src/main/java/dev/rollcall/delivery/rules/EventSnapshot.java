package dev.rollcall.delivery.rules;

import dev.rollcall.directory.FlatMembership;

/**
 * What a delivery shows beside the event's own payload, taken at the commit of the event's change:
 * the person of a person event, or the flattened membership of a group event (no members once the
 * group is deleted). Exactly one of the two is set.
 */
public record EventSnapshot(PersonSnapshot person, FlatMembership group) {
    public EventSnapshot {
        if ((person == null) == (group == null)) {
            throw new IllegalArgumentException("a snapshot is of a person or of a group");
        }
    }

    public static EventSnapshot of(PersonSnapshot person) {
        return new EventSnapshot(person, null);
    }

    public static EventSnapshot of(FlatMembership group) {
        return new EventSnapshot(null, group);
    }
}
