package dev.rollcall.delivery.rules;

import java.util.Optional;

/** Reads of the outbox for IT. */
public interface DeliveryQueries {
    /** The subscription's deliveries that match, newest first, older than {@code beforeKey} when given; at most {@code limit}. */
    DeliveryPage forSubscription(String subscriptionId, DeliveryFilter filter, Long beforeKey, int limit);

    /** One delivery with its attempts, oldest first. */
    Optional<DeliveryView> byId(String deliveryId);
}
