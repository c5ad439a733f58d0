package dev.rollcall.directory;

import java.time.Instant;

/** A source's group, as stored; {@code document} is the SCIM resource body without members. */
public record Group(long pk, String id, long sourceId, String externalId, String displayName, String document,
                    long version, Instant createdAt, Instant updatedAt) {
}
