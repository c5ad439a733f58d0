package dev.rollcall.identity;

import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.NewEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of {@link InMemoryIdentityStore} (a test fake): one map or list per table, holding
 * immutable rows only, so that {@link #copy()} (a shallow copy of each map) is a full snapshot that
 * a rollback can put back. Maps keep insertion order, which is pk order, like an ORDER BY pk.
 */
public final class InMemoryTables {

    /** A person row. {@code state} is null exactly when the person is provisional. */
    record StoredPerson(long pk, String id, LifecycleState state, boolean provisional, Long mergedIntoPk,
                        GoldenRecord golden, long eventSeq, long version, Instant createdAt, Instant updatedAt) {

        PersonRow row() {
            return new PersonRow(pk, id, state, provisional, mergedIntoPk, golden, eventSeq);
        }

        PersonRef ref() {
            return new PersonRef(pk, id);
        }

        StoredPerson saved(GoldenRecord newGolden, long newSeq, Instant at) {
            return new StoredPerson(pk, id, state, provisional, mergedIntoPk, newGolden, newSeq, version + 1, createdAt, at);
        }

        StoredPerson promoted(Instant at) {
            return new StoredPerson(pk, id, LifecycleState.ACTIVE, false, mergedIntoPk, golden, eventSeq, version,
                    createdAt, at);
        }

        StoredPerson inState(LifecycleState newState, Instant at) {
            return new StoredPerson(pk, id, newState, provisional, mergedIntoPk, golden, eventSeq, version, createdAt, at);
        }

        StoredPerson merged(long survivorPk, Instant at) {
            return new StoredPerson(pk, id, state, provisional, survivorPk, golden, eventSeq, version, createdAt, at);
        }
    }

    /**
     * An account row with its facts (null until resolution saves them) and, for the directory, its
     * unique keys, document and version.
     */
    public record StoredAccount(long pk, String id, long sourceId, long personPk, String externalId, String userName,
                                String workerId, boolean active, String document, long version, AccountFacts facts,
                                Instant createdAt, Instant updatedAt) {

        StoredAccount linkedTo(long newPersonPk) {
            return new StoredAccount(pk, id, sourceId, newPersonPk, externalId, userName, workerId, active, document,
                    version, facts, createdAt, updatedAt);
        }

        StoredAccount withFacts(AccountFacts newFacts) {
            return new StoredAccount(pk, id, sourceId, personPk, externalId, userName, workerId, active, document,
                    version, newFacts, createdAt, updatedAt);
        }

        /** The row after a replace: new keys, document and version; person and facts unchanged. */
        public StoredAccount replaced(String newExternalId, String newUserName, String newWorkerId, boolean newActive,
                                      String newDocument, long newVersion, Instant at) {
            return new StoredAccount(pk, id, sourceId, personPk, newExternalId, newUserName, newWorkerId, newActive,
                    newDocument, newVersion, facts, createdAt, at);
        }
    }

    /** Why a person is in its lifecycle state, since when, and until when its grace runs (null: none). */
    public record StoredLifecycle(String reason, Instant since, Instant graceUntil) {
    }

    /** One appended event, with the time the change gave it. */
    public record LoggedEvent(Instant at, NewEvent event) {
    }

    /** One audit record, with its time. */
    public record LoggedAudit(Instant at, AuditRecord record) {
    }

    Map<Long, StoredPerson> persons = new LinkedHashMap<>();
    Map<Long, StoredAccount> accounts = new LinkedHashMap<>();
    /** Match keys by account pk; each value an immutable list without duplicates. */
    Map<Long, List<MatchKey>> keys = new LinkedHashMap<>();
    /** How often each account's keys were written (a test of what is not rewritten). */
    Map<Long, Integer> keyWrites = new LinkedHashMap<>();
    /** worker id → person pk. */
    Map<String, Long> workers = new LinkedHashMap<>();
    Map<String, MatchCaseView> cases = new LinkedHashMap<>();
    List<MatchDecisionRecord> decisions = new ArrayList<>();
    Map<Long, Source> sources = new LinkedHashMap<>();
    AuthorityMatrix authority;
    List<LoggedEvent> events = new ArrayList<>();
    List<LoggedAudit> audit = new ArrayList<>();
    /** person pk → the details of its last lifecycle transition. */
    Map<Long, StoredLifecycle> lifecycle = new LinkedHashMap<>();

    InMemoryTables copy() {
        InMemoryTables c = new InMemoryTables();
        c.persons = new LinkedHashMap<>(persons);
        c.accounts = new LinkedHashMap<>(accounts);
        c.keys = new LinkedHashMap<>(keys);
        c.keyWrites = new LinkedHashMap<>(keyWrites);
        c.workers = new LinkedHashMap<>(workers);
        c.cases = new LinkedHashMap<>(cases);
        c.decisions = new ArrayList<>(decisions);
        c.sources = new LinkedHashMap<>(sources);
        c.authority = authority;
        c.events = new ArrayList<>(events);
        c.audit = new ArrayList<>(audit);
        c.lifecycle = new LinkedHashMap<>(lifecycle);
        return c;
    }

    StoredPerson person(long pk) {
        StoredPerson p = persons.get(pk);
        if (p == null) {
            throw new IllegalStateException("fake store: no person with pk " + pk);
        }
        return p;
    }

    StoredAccount account(long pk) {
        StoredAccount a = accounts.get(pk);
        if (a == null) {
            throw new IllegalStateException("fake store: no account with pk " + pk);
        }
        return a;
    }

    Source source(long id) {
        Source s = sources.get(id);
        if (s == null) {
            throw new IllegalStateException("fake store: no source with id " + id);
        }
        return s;
    }
}
