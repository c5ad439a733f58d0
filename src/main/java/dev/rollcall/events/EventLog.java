package dev.rollcall.events;

import java.time.Instant;
import java.util.List;

/**
 * The one port every event goes through, bound to the transaction of the change that caused it:
 * person, account and group events alike. The store gives each a ULID and keeps it; the outbox adds
 * the delivery rows of announced events here, in the same transaction.
 */
public interface EventLog {
    void append(Instant at, List<NewEvent> events);
}
