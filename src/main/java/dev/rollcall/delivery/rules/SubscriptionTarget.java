package dev.rollcall.delivery.rules;

/** What the outbox needs of an enabled subscription: its row key and the event types it wants. */
public record SubscriptionTarget(long pk, EventTypeFilter eventTypes) {
}
