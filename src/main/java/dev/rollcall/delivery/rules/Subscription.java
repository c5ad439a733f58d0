package dev.rollcall.delivery.rules;

import java.time.Instant;

/**
 * A downstream endpoint as the registry keeps it (never with its secret); {@code failingSince} is the
 * first failed attempt since the last success, null while healthy.
 */
public record Subscription(String id, String name, String url, EventTypeFilter eventTypes, String format,
                           boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt,
                           DeliveryLimits limits, Instant failingSince) {
    /** The only payload format of this release. */
    public static final String STANDARD_WEBHOOKS = "standard-webhooks";
}
