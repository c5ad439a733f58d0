package dev.rollcall.identity;

import java.time.Instant;

/** Where a golden value came from: which source, which account, when. */
public record Provenance(long sourceId, String accountId, Instant at) {
}
