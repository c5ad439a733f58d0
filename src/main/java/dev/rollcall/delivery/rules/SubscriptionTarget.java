package dev.rollcall.delivery.rules;

/** What the outbox needs of an enabled subscription: its row key, the event types it wants and its person filter. */
public record SubscriptionTarget(long pk, EventTypeFilter eventTypes, PersonFilter filter) {
}
