package dev.rollcall.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The authority matrix in force. The database row is the truth (it survives restarts and is shared
 * by instances); this process re-reads it at most every few seconds and at once after a change here.
 */
public final class CurrentAuthority {
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private record Snapshot(AuthorityMatrix matrix, Instant loadedAt) {
    }

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    /** The matrix, re-read through the transaction's rules when the cached one is stale. */
    public AuthorityMatrix get(AuthorityRules rules, Instant now) {
        Snapshot s = snapshot.get();
        if (s == null || s.loadedAt().plus(REFRESH).isBefore(now)) {
            AuthorityMatrix m = rules.stored().orElseGet(AuthorityMatrix::defaults);
            snapshot.set(new Snapshot(m, now));
            return m;
        }
        return s.matrix();
    }

    /** Records a matrix just stored by this process. */
    public void set(AuthorityMatrix matrix, Instant now) {
        snapshot.set(new Snapshot(matrix, now));
    }
}
