package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * A subscription as the dispatcher would send to it, for a delivery-only message that is no event of
 * the log and has no delivery row (the signed {@code subscription.test}); empty when unknown.
 */
public interface TestTargets {
    Optional<ClaimedDelivery> message(String subscriptionId, String messageId, String type, Instant at, String payloadJson);
}
