package dev.rollcall.identity;

import java.time.Instant;

/** A source's bearer token as administrators see it: its id (public handle), name and dates; never the secret. */
public record SourceToken(long id, String name, Instant createdAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }

    public SourceToken revokedAt(Instant at) {
        return new SourceToken(id, name, createdAt, at);
    }
}
