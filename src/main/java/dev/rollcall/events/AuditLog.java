package dev.rollcall.events;

import java.time.Instant;

/** Appends audit rows in the change's transaction; the chain is sealed (hashed) after commit. */
public interface AuditLog {
    void record(Instant at, AuditRecord record);
}
