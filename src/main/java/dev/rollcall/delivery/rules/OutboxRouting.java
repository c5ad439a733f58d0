package dev.rollcall.delivery.rules;

import dev.rollcall.events.NewEvent;
import java.util.List;

/**
 * Which subscriptions an event is owed to: none for an event that is not announced (a provisional
 * person's), else every enabled subscription whose event types match.
 */
public final class OutboxRouting {

    public List<Long> subscribers(List<SubscriptionTarget> enabled, NewEvent event) {
        if (!event.announced()) {
            return List.of();
        }
        String type = event.type().wireName();
        return enabled.stream().filter(s -> s.eventTypes().matches(type)).map(SubscriptionTarget::pk).toList();
    }
}
