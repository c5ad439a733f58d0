package dev.rollcall.identity;

import dev.rollcall.events.AuditLog;
import dev.rollcall.events.EventLog;
import dev.rollcall.events.EventType;
import dev.rollcall.identity.InMemoryTables.LoggedAudit;
import dev.rollcall.identity.InMemoryTables.LoggedEvent;
import dev.rollcall.identity.InMemoryTables.StoredAccount;
import dev.rollcall.identity.InMemoryTables.StoredPerson;
import dev.rollcall.kernel.Transactor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST FAKE: the identity store in memory. One coherent set of tables (persons, accounts with their
 * facts, match keys, worker links, cases, decisions, the authority matrix, sources, the appended
 * events in order and the audit records) behind the ports of {@link IdentityTx}, and a
 * {@link Transactor} over them that rolls back on an exception (copy-on-begin).
 *
 * <p>It behaves like the database store where the domain relies on it: {@code lock} returns the
 * current row; {@code linkWorker} keeps an existing link; {@code hits} returns every account having
 * one of the keys (one hit per matching key, in account order) with its person and source kind;
 * {@code personOfWorker} follows the worker link; provisional persons have no state, {@code promote}
 * makes them ACTIVE; {@code markMerged}, {@code relink}, {@code moveWorker(Links)} update one column.
 *
 * <p>What it simplifies: no locking or isolation (one transaction at a time); ids are readable
 * counters ({@code person-3}, {@code case-1}) rather than UUIDs; events get no ULID; the audit chain is
 * not hashed; foreign keys are not checked. One check the database does not make: a person's events
 * must be appended with increasing sequence numbers (the domain numbers them; a gap or repeat fails).
 *
 * <p>Accounts are inserted by the directory's account rows (see the directory fake) or, in identity
 * tests, by {@link #insertAccount}; the rest of the public methods are for arranging and asserting.
 */
public final class InMemoryIdentityStore {
    private InMemoryTables tables = new InMemoryTables();
    private final AtomicLong pks = new AtomicLong();
    private final AtomicLong personIds = new AtomicLong();
    private final AtomicLong caseIds = new AtomicLong();
    private final Ports ports;
    private final InMemoryTransactor<IdentityTx> transactor;

    /** The ports, all bound to this store. */
    public record Ports(Persons persons, MatchIndex matching, LinkedAccounts accounts, MatchCases cases,
                        AuthorityRules authority, SourceSettings sources, EventLog events, AuditLog audit)
            implements IdentityTx {
    }

    public InMemoryIdentityStore() {
        this.ports = new Ports(new InMemoryPersons(this), new InMemoryMatchIndex(this), new InMemoryLinkedAccounts(this),
                new InMemoryMatchCases(this), new InMemorySettings.Authority(this), new InMemorySettings.Sources(this),
                new InMemorySettings.Events(this), new InMemorySettings.Audit(this));
        this.transactor = new InMemoryTransactor<>(() -> ports, List.of(this::snapshot));
    }

    InMemoryTables tables() {
        return tables;
    }

    long nextPk() {
        return pks.incrementAndGet();
    }

    String nextPersonId() {
        return "person-" + personIds.incrementAndGet();
    }

    String nextCaseId() {
        return "case-" + caseIds.incrementAndGet();
    }

    /** Takes a snapshot of every table; the returned action puts it back. */
    public Runnable snapshot() {
        InMemoryTables saved = tables.copy();
        return () -> tables = saved;
    }

    public IdentityTx ports() {
        return ports;
    }

    public InMemoryTransactor<IdentityTx> transactor() {
        return transactor;
    }

    // ---- arranging ----

    public Source addSource(String name, SourceKind kind, boolean mayCreatePersons) {
        Source s = new Source(nextPk(), name, kind, mayCreatePersons);
        tables.sources.put(s.id(), s);
        return s;
    }

    /** Declares the source's correlation attribute; returns the source as a push now carries it. */
    public Source setCorrelationAttribute(long sourceId, String attribute) {
        return tables.sources.computeIfPresent(sourceId, (id, s) -> s.withCorrelationAttribute(attribute));
    }

    /** Inserts an account row (no facts, no keys: resolution saves those), as the account rows do. */
    public long insertAccount(long sourceId, String id, long personPk, String externalId, String userName,
                              String workerId, boolean active, String document, Instant at) {
        if (tables.accounts.values().stream().anyMatch(a -> a.id().equals(id))) {
            throw new IllegalStateException("fake store: account id " + id + " is taken");
        }
        tables.source(sourceId);
        tables.person(personPk);
        long pk = nextPk();
        tables.accounts.put(pk, new StoredAccount(pk, id, sourceId, personPk, externalId, userName, workerId, active,
                document, 1, null, at, at));
        return pk;
    }

    public void replaceAccount(StoredAccount replaced) {
        tables.account(replaced.pk());
        tables.accounts.put(replaced.pk(), replaced);
    }

    /** Deletes an account with its facts and match keys (ON DELETE CASCADE); worker links stay. */
    public void deleteAccount(long pk) {
        tables.accounts.remove(pk);
        tables.keys.remove(pk);
    }

    // ---- reading back ----

    public List<StoredAccount> allAccounts() {
        return List.copyOf(tables.accounts.values());
    }

    public Optional<StoredAccount> account(String id) {
        return tables.accounts.values().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<PersonRow> person(String id) {
        return tables.persons.values().stream().filter(p -> p.id().equals(id)).findFirst().map(StoredPerson::row);
    }

    public PersonRow personOf(String accountId) {
        StoredAccount a = account(accountId).orElseThrow(() -> new AssertionError("no account " + accountId));
        return tables.person(a.personPk()).row();
    }

    public PersonRow personByPk(long pk) {
        return tables.person(pk).row();
    }

    /** When the person row was inserted. */
    public Instant createdAt(long personPk) {
        return tables.person(personPk).createdAt();
    }

    /** The person's last lifecycle transition (reason, since, grace), if it had one. */
    public Optional<InMemoryTables.StoredLifecycle> lifecycleByPk(long personPk) {
        return Optional.ofNullable(tables.lifecycle.get(personPk));
    }

    public int personCount() {
        return tables.persons.size();
    }

    /** The ids of the accounts linked to a person, in creation order. */
    public List<String> accountsOf(String personId) {
        long pk = person(personId).orElseThrow().pk();
        return tables.accounts.values().stream().filter(a -> a.personPk() == pk).map(StoredAccount::id).toList();
    }

    public Optional<String> workerOwner(String workerId) {
        Long pk = tables.workers.get(workerId);
        return pk == null ? Optional.empty() : Optional.of(tables.person(pk).id());
    }

    public List<LoggedEvent> events() {
        return List.copyOf(tables.events);
    }

    /** A person's events in sequence order. */
    public List<LoggedEvent> eventsOf(String personId) {
        return tables.events.stream().filter(e -> personId.equals(e.event().personId())).toList();
    }

    public List<EventType> eventTypesOf(String personId) {
        return eventsOf(personId).stream().map(e -> e.event().type()).toList();
    }

    public List<LoggedAudit> audit() {
        return List.copyOf(tables.audit);
    }

    public List<MatchDecisionRecord> decisions() {
        return List.copyOf(tables.decisions);
    }

    /** The reason, since and grace deadline of the person's last lifecycle transition, if it had one. */
    public Optional<InMemoryTables.StoredLifecycle> lifecycleOf(String personId) {
        return person(personId).map(p -> tables.lifecycle.get(p.pk()));
    }

    public Optional<MatchCaseView> matchCase(String id) {
        return Optional.ofNullable(tables.cases.get(id));
    }

    public List<MatchCaseView> openCases() {
        return tables.cases.values().stream().filter(c -> c.status().equals("open")).toList();
    }
}
