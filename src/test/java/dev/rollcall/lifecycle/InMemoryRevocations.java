package dev.rollcall.lifecycle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** TEST FAKE: revocation rows in memory; a shallow copy is a snapshot a rollback puts back. */
public final class InMemoryRevocations implements Revocations {
    private Map<Long, String> rows = new LinkedHashMap<>();

    public synchronized Runnable snapshot() {
        Map<Long, String> saved = new LinkedHashMap<>(rows);
        return () -> {
            synchronized (this) {
                rows = saved;
            }
        };
    }

    @Override
    public synchronized void mark(long personPk, String actor, String reason, Instant at) {
        rows.put(personPk, reason);
    }

    @Override
    public synchronized boolean isRevoked(long personPk) {
        return rows.containsKey(personPk);
    }

    @Override
    public synchronized boolean clear(long personPk) {
        return rows.remove(personPk) != null;
    }
}
