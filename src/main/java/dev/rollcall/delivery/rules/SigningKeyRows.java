package dev.rollcall.delivery.rules;

import java.time.Instant;
import java.util.List;

/** The server's signing keys, in a transaction (rotation) or over the pool (signing, the JWKS). */
public interface SigningKeyRows {
    /** Every key still published at {@code now}, oldest first. */
    List<SigningKey> published(Instant now);

    /**
     * Makes {@code fresh} the current key of its algorithm: the current ones retire at
     * {@code previousUntil}, keys retired before {@code now} are deleted.
     */
    void rotate(SigningKey fresh, Instant now, Instant previousUntil);
}
