package dev.rollcall.identity;

import dev.rollcall.events.AuditLog;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.RowWrite;
import dev.rollcall.kernel.Transactor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sources, tokens and audit records in memory, for the rules of source administration without a
 * database. One instance is the registry, its one "transaction" and its read side; a transaction
 * that throws leaves nothing behind, as the database's would.
 */
final class InMemorySourceRegistry implements SourceRegistry, SourceRegistryTx, AuditLog, SourceDirectory,
        Transactor<SourceRegistryTx> {
    static final Instant REGISTERED = Instant.parse("2026-01-01T00:00:00Z");

    record StoredToken(long sourceId, SourceToken token, String hash) {
    }

    record AdminToken(String name, AdminScope scope, String hash) {
    }

    private Map<Long, Source> sources = new LinkedHashMap<>();
    private final Map<Long, String> zones = new LinkedHashMap<>();
    private List<StoredToken> tokens = new ArrayList<>();
    private List<AdminToken> adminTokens = new ArrayList<>();
    private List<AuditRecord> audit = new ArrayList<>();
    private long nextId = 1;
    /** A name another registration takes between the check and the insert (the unique key's race). */
    private String takenConcurrently;

    void takeConcurrently(String name) {
        takenConcurrently = name;
    }

    List<AuditRecord> auditRecords() {
        return List.copyOf(audit);
    }

    List<StoredToken> storedTokens() {
        return List.copyOf(tokens);
    }

    List<AdminToken> adminTokens() {
        return List.copyOf(adminTokens);
    }

    @Override
    public <T> T inTransaction(Function<? super SourceRegistryTx, T> work) {
        Map<Long, Source> s = new LinkedHashMap<>(sources);
        List<StoredToken> t = new ArrayList<>(tokens);
        List<AdminToken> a = new ArrayList<>(adminTokens);
        List<AuditRecord> r = new ArrayList<>(audit);
        long id = nextId;
        try {
            return work.apply(this);
        } catch (RuntimeException e) {
            sources = s;
            tokens = t;
            adminTokens = a;
            audit = r;
            nextId = id;
            throw e;
        }
    }

    @Override
    public SourceRegistry sourceRegistry() {
        return this;
    }

    @Override
    public AuditLog audit() {
        return this;
    }

    @Override
    public void record(Instant at, AuditRecord record) {
        audit.add(record);
    }

    @Override
    public Optional<Source> byName(String name) {
        return sources.values().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    @Override
    public Optional<Source> lockByName(String name) {
        return byName(name);
    }

    @Override
    public RowWrite insert(String name, SourceKind kind, boolean mayCreatePersons, boolean assertsWorkerIds) {
        if (name.equals(takenConcurrently) || byName(name).isPresent()) {
            return new RowWrite.Duplicate("name");
        }
        long id = nextId++;
        sources.put(id, new Source(id, name, kind, mayCreatePersons, assertsWorkerIds));
        return new RowWrite.Written(id);
    }

    @Override
    public void setAssertsWorkerIds(long sourceId, boolean asserts) {
        sources.computeIfPresent(sourceId, (id, s) -> s.withAssertsWorkerIds(asserts));
    }

    @Override
    public void setCorrelationAttribute(long sourceId, String attribute) {
        sources.computeIfPresent(sourceId, (id, s) -> s.withCorrelationAttribute(attribute));
    }

    @Override
    public Optional<String> timeZone(long sourceId) {
        return Optional.ofNullable(zones.get(sourceId));
    }

    @Override
    public void setTimeZone(long sourceId, String zoneId) {
        if (zoneId == null) {
            zones.remove(sourceId);
        } else {
            zones.put(sourceId, zoneId);
        }
    }

    @Override
    public List<SourceToken> tokens(long sourceId) {
        return tokens.stream().filter(t -> t.sourceId() == sourceId).map(StoredToken::token).toList();
    }

    @Override
    public long addSourceToken(long sourceId, String name, String tokenHash) {
        long id = nextId++;
        tokens.add(new StoredToken(sourceId, new SourceToken(id, name, REGISTERED, null), tokenHash));
        return id;
    }

    @Override
    public boolean revoke(long tokenId, Instant at) {
        for (int i = 0; i < tokens.size(); i++) {
            StoredToken t = tokens.get(i);
            if (t.token().id() == tokenId && t.token().active()) {
                tokens.set(i, new StoredToken(t.sourceId(), t.token().revokedAt(at), t.hash()));
                return true;
            }
        }
        return false;
    }

    @Override
    public void addAdminToken(String name, AdminScope scope, String tokenHash) {
        adminTokens.add(new AdminToken(name, scope, tokenHash));
    }

    @Override
    public List<RegisteredSource> registered() {
        return sources.values().stream().map(s -> new RegisteredSource(s, REGISTERED, tokens(s.id()), zones.get(s.id()))).toList();
    }

    @Override
    public Optional<RegisteredSource> registered(String name) {
        return byName(name).map(s -> new RegisteredSource(s, REGISTERED, tokens(s.id()), zones.get(s.id())));
    }

    @Override
    public Map<Long, Source> byId() {
        return Map.copyOf(sources);
    }
}
