package dev.rollcall.identity;

import java.time.Instant;

/**
 * An account linked to a person, with the facts it last pushed: the input of the golden record.
 * {@code userName} and {@code externalId} (may be null) are how IT finds the record upstream.
 */
public record LinkedAccount(long pk, String id, String userName, String externalId, Source source, boolean active,
                            Instant createdAt, Instant updatedAt, AccountFacts facts) {

    public SourceKind kind() {
        return source.kind();
    }
}
