package dev.rollcall.identity;

import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.NewEvent;
import dev.rollcall.identity.InMemoryTables.LoggedAudit;
import dev.rollcall.identity.InMemoryTables.LoggedEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small ports of the fake (test code; see {@link InMemoryIdentityStore}): the authority matrix,
 * source settings, the event log and the audit log.
 */
final class InMemorySettings {
    private InMemorySettings() {
    }

    static final class Authority implements AuthorityRules {
        private final InMemoryIdentityStore store;

        Authority(InMemoryIdentityStore store) {
            this.store = store;
        }

        @Override
        public Optional<AuthorityMatrix> stored() {
            return Optional.ofNullable(store.tables().authority);
        }

        @Override
        public void save(AuthorityMatrix matrix, String actor, Instant at) {
            store.tables().authority = matrix;
        }
    }

    static final class Sources implements SourceSettings {
        private final InMemoryIdentityStore store;

        Sources(InMemoryIdentityStore store) {
            this.store = store;
        }

        @Override
        public Optional<Source> byId(long sourceId) {
            return Optional.ofNullable(store.tables().sources.get(sourceId));
        }
    }

    /**
     * Appends events in order. Stricter than the database in one way: a person's events must come
     * with consecutive sequence numbers (1, 2, 3...), which the domain promises downstream.
     */
    static final class Events implements dev.rollcall.events.EventLog {
        private final InMemoryIdentityStore store;

        Events(InMemoryIdentityStore store) {
            this.store = store;
        }

        @Override
        public void append(Instant at, List<NewEvent> events) {
            Map<String, Long> last = new HashMap<>();
            for (LoggedEvent e : store.tables().events) {
                if (e.event().personId() != null) {
                    last.put(e.event().personId(), e.event().personSeq());
                }
            }
            for (NewEvent e : events) {
                if (e.personId() != null) {
                    long expected = last.getOrDefault(e.personId(), 0L) + 1;
                    if (e.personSeq() != expected) {
                        throw new IllegalStateException("fake store: event " + e.type().wireName() + " of person "
                                + e.personId() + " has sequence " + e.personSeq() + ", expected " + expected);
                    }
                    last.put(e.personId(), e.personSeq());
                }
                store.tables().events.add(new LoggedEvent(at, e));
            }
        }
    }

    static final class Audit implements dev.rollcall.events.AuditLog {
        private final InMemoryIdentityStore store;

        Audit(InMemoryIdentityStore store) {
            this.store = store;
        }

        @Override
        public void record(Instant at, AuditRecord record) {
            store.tables().audit.add(new LoggedAudit(at, record));
        }
    }
}
