package dev.rollcall.store;

import java.time.Instant;

/** A scim_group row as the SCIM layer needs it; {@code resourceJson} is the stored body, without members. */
public record StoredGroup(long pk, String id, long sourceId, String externalId, String displayName, String resourceJson,
                          long version, Instant createdAt, Instant updatedAt) {
}
