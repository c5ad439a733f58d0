package dev.rollcall.identity;

import java.time.Instant;
import java.util.List;

/**
 * A source as IT reads it: when it was registered, its tokens (oldest first, revoked ones included)
 * and the time zone its plain dates are read in ({@code timeZone}, an IANA id; null: the default).
 */
public record RegisteredSource(Source source, Instant createdAt, List<SourceToken> tokens, String timeZone) {
    public RegisteredSource {
        tokens = List.copyOf(tokens);
    }

    /** A source without a time zone of its own. */
    public RegisteredSource(Source source, Instant createdAt, List<SourceToken> tokens) {
        this(source, createdAt, tokens, null);
    }

    public long activeTokens() {
        return tokens.stream().filter(SourceToken::active).count();
    }
}
