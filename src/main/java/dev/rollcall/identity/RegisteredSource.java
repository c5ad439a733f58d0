package dev.rollcall.identity;

import java.time.Instant;
import java.util.List;

/** A source as IT reads it: when it was registered and its tokens, oldest first, revoked ones included. */
public record RegisteredSource(Source source, Instant createdAt, List<SourceToken> tokens) {
    public RegisteredSource {
        tokens = List.copyOf(tokens);
    }

    public long activeTokens() {
        return tokens.stream().filter(SourceToken::active).count();
    }
}
