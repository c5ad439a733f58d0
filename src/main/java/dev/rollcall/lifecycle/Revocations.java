package dev.rollcall.lifecycle;

import java.time.Instant;

/**
 * The suspensions IT made directly (revoke, a security incident), in the current transaction. The
 * authoritative source still says the person is employed, so without this record its next push
 * would read as a rescind and give access back.
 */
public interface Revocations {

    void mark(long personPk, String actor, String reason, Instant at);

    boolean isRevoked(long personPk);

    /** Forgets the revocation; returns whether there was one. */
    boolean clear(long personPk);
}
