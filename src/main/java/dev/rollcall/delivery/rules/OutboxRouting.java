package dev.rollcall.delivery.rules;

import dev.rollcall.events.NewEvent;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which subscriptions an event is owed to: none for an event that is not announced (a provisional
 * person's), else every enabled subscription whose event types match and, for a person event, whose
 * person filter holds for the snapshot of the event's commit (asked for only when a filter needs it).
 */
public final class OutboxRouting {

    public List<Long> subscribers(List<SubscriptionTarget> enabled, NewEvent event, Supplier<EventSnapshot> snapshot) {
        if (!event.announced()) {
            return List.of();
        }
        String type = event.type().wireName();
        return enabled.stream().filter(s -> s.eventTypes().matches(type))
                .filter(s -> s.filter().isNone() || event.personId() == null || s.filter().matches(snapshot.get().person()))
                .map(SubscriptionTarget::pk).toList();
    }
}
