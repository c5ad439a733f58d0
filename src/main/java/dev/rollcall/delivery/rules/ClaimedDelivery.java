package dev.rollcall.delivery.rules;

import java.time.Instant;

/**
 * A delivery leased to one dispatcher, with what sending it needs: the subscription's target and
 * secret, and the event as stored (its payload JSON text unchanged). {@code attempts} counts every
 * attempt ever made; {@code roundBase} those made before the latest replay.
 */
public record ClaimedDelivery(long pk, String id, int attempts, long subscriptionPk, String subscriptionId, String url,
                              boolean subscriptionEnabled, EncryptedSecret secret, String eventId, String eventType,
                              String personId, Long personSeq, String groupId, Instant eventAt, String payloadJson,
                              int roundBase, DeliveryLimits limits) {
}
