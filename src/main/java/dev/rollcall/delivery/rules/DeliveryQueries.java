package dev.rollcall.delivery.rules;

import java.util.List;
import java.util.Optional;

/** Reads of the outbox for IT. */
public interface DeliveryQueries {
    /** The subscription's deliveries, newest first, optionally of one status; at most {@code limit}. */
    List<DeliveryView> forSubscription(String subscriptionId, String status, int limit);

    /** One delivery with its attempts, oldest first. */
    Optional<DeliveryView> byId(String deliveryId);
}
