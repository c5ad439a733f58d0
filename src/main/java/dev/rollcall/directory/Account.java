package dev.rollcall.directory;

import java.time.Instant;

/**
 * One source's record of a human, as stored: its keys, its document (the SCIM resource body the
 * protocol rendered, kept as opaque text) and the person it is linked to.
 */
public record Account(long pk, String id, long sourceId, String externalId, String userName, String workerId,
                      boolean active, String document, long version, long personPk, String personId,
                      Instant createdAt, Instant updatedAt) {
}
