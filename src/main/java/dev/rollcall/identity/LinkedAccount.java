package dev.rollcall.identity;

import java.time.Instant;

/** An account linked to a person, with the facts it last pushed: the input of the golden record. */
public record LinkedAccount(long pk, String id, Source source, boolean active, Instant createdAt, Instant updatedAt,
                            AccountFacts facts) {

    public SourceKind kind() {
        return source.kind();
    }
}
