package dev.rollcall.delivery.rules;

import java.time.Instant;

import java.util.List;

/**
 * A delivery leased to one dispatcher, with what sending it needs: the subscription's target and
 * its secrets that are still valid (the current one first, then those of a rotation's overlap), and
 * the event as stored (its payload JSON text unchanged) with its snapshot (event_snapshot; null for a
 * delivery written before snapshots were kept), and how the subscription renders and signs it.
 * {@code attempts} counts every attempt ever made; {@code roundBase} those made before the latest
 * replay; {@code limits} the subscription's timeout and maximum attempts.
 */
public record ClaimedDelivery(long pk, String id, int attempts, long subscriptionPk, String subscriptionId, String url,
                              boolean subscriptionEnabled, List<EncryptedSecret> secrets, String eventId, String eventType,
                              String personId, Long personSeq, String groupId, Instant eventAt, String payloadJson,
                              String snapshotJson, String format, String signing, AttributeMapping mapping,
                              int roundBase, DeliveryLimits limits) {
}
