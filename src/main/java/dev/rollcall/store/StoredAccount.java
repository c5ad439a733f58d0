package dev.rollcall.store;

import java.time.Instant;

/** An account row as the SCIM layer needs it; {@code resourceJson} is the stored SCIM resource body. */
public record StoredAccount(long pk, String id, long sourceId, String externalId, String userName, String workerId,
                            boolean active, String resourceJson, long version, long personPk, String personId,
                            Instant createdAt, Instant updatedAt) {
}
