package dev.rollcall.delivery.rules;

import java.time.Instant;

/**
 * A downstream endpoint as the registry keeps it (never with its secret): where, which events, in
 * which format; which persons (filter), under which attribute names (mapping), whether its
 * Standard Webhooks deliveries are also signed with the server's Ed25519 key (signing), its
 * delivery limits, and {@code failingSince}: the first failed attempt since the last success, null
 * while healthy.
 */
public record Subscription(String id, String name, String url, EventTypeFilter eventTypes, String format,
                           boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt,
                           AttributeMapping mapping, PersonFilter filter, String signing, DeliveryLimits limits,
                           Instant failingSince) {
    public static final String STANDARD_WEBHOOKS = "standard-webhooks";
    /** Security Event Tokens (RFC 8417) pushed per RFC 8935. */
    public static final String SET = "set";
    /** Signatures with the subscription's secrets only ({@code v1,}). */
    public static final String HMAC = "hmac";
    /** Also {@code v1a,} with the server's Ed25519 key (published in the JWKS). */
    public static final String ED25519 = "ed25519";
}
