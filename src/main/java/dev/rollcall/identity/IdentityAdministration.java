package dev.rollcall.identity;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What IT can ask and change about identities: the authority matrix, match cases and their
 * decisions, merge and unmerge, person detail and timeline, a source's correlation attribute.
 * Every change runs in one transaction with its events and audit record.
 */
public final class IdentityAdministration {
    private final Transactor<? extends IdentityTx> transactions;
    private final IdentityQueries queries;
    private final CurrentAuthority authority;
    private final PersonOperations operations;
    private final Clock clock;

    public IdentityAdministration(Transactor<? extends IdentityTx> transactions, IdentityQueries queries, CurrentAuthority authority,
                                  AccountResolution resolution, Clock clock) {
        this(transactions, queries, authority, resolution, MergeFollowUp.NONE, clock);
    }

    /** {@code afterMerge} runs in each merge's transaction (the lifecycle re-evaluates the survivor). */
    public IdentityAdministration(Transactor<? extends IdentityTx> transactions, IdentityQueries queries, CurrentAuthority authority,
                                  AccountResolution resolution, MergeFollowUp afterMerge, Clock clock) {
        this.transactions = transactions;
        this.queries = queries;
        this.authority = authority;
        this.operations = new PersonOperations(resolution, afterMerge);
        this.clock = clock;
    }

    /** The matrix in force. */
    public AuthorityMatrix authority() {
        return transactions.inTransaction(tx -> tx.authority().stored().orElseGet(AuthorityMatrix::defaults));
    }

    /**
     * Replaces the whole matrix (it must have a {@code *} rule); stored, audited, in force at once.
     * Golden records follow on each person's next change. Throws INVALID with the reason when bad.
     */
    public AuthorityMatrix replaceAuthority(Actor actor, Map<String, List<SourceKind>> rules) {
        AuthorityMatrix next;
        try {
            next = new AuthorityMatrix(rules);
        } catch (IllegalArgumentException e) {
            throw IdentityException.invalid(e.getMessage());
        }
        Instant now = now();
        transactions.inTransaction(tx -> {
            AuthorityMatrix before = tx.authority().stored().orElseGet(AuthorityMatrix::defaults);
            tx.authority().save(next, actor.name(), now);
            tx.audit().record(now, new AuditRecord(actor, "authority.replace", "authority", "matrix",
                    AuditRecord.fields(asMap(before)), AuditRecord.fields(asMap(next))));
            return null;
        });
        authority.set(next, now);
        return next;
    }

    /** At start: applies a configuration file's overrides on top of the defaults when they differ from the stored matrix. */
    public AuthorityMatrix initialiseAuthority(Optional<Map<String, List<SourceKind>>> fileOverrides) {
        Instant now = now();
        AuthorityMatrix m = transactions.inTransaction(tx -> {
            Optional<AuthorityMatrix> stored = tx.authority().stored();
            if (fileOverrides.isEmpty()) {
                return stored.orElseGet(AuthorityMatrix::defaults);
            }
            AuthorityMatrix fromFile = AuthorityMatrix.defaults().withOverrides(fileOverrides.get());
            if (stored.isEmpty() || !stored.get().equals(fromFile)) {
                Actor config = Actor.of("config:ROLLCALL_AUTHORITY_FILE");
                tx.authority().save(fromFile, config.name(), now);
                tx.audit().record(now, new AuditRecord(config, "authority.replace", "authority", "matrix",
                        AuditRecord.fields(stored.map(IdentityAdministration::asMap).orElse(null)),
                        AuditRecord.fields(asMap(fromFile))));
            }
            return fromFile;
        });
        authority.set(m, now);
        return m;
    }

    public List<MatchCaseView> matchCases(String status, int limit, String afterId) {
        if (status != null && !status.equals("open") && !status.equals("decided")) {
            throw IdentityException.invalid("status must be open or decided, got: " + status);
        }
        return queries.cases(status, Math.max(1, Math.min(limit, 500)), afterId);
    }

    public MatchCaseView matchCase(String id) {
        return queries.matchCase(id).orElseThrow(() -> IdentityException.notFound("match case " + id + " not found"));
    }

    public MatchCaseView decide(Actor actor, String caseId, CaseDecision decision) {
        Instant now = now();
        transactions.inTransaction(tx -> {
            operations.decide(tx, actor, caseId, decision, now);
            return null;
        });
        return matchCase(caseId);
    }

    /** Merges {@code mergedId} into {@code survivorId}; returns the survivor's detail. */
    public PersonDetail merge(Actor actor, String survivorId, String mergedId) {
        Instant now = now();
        transactions.inTransaction(tx -> operations.merge(tx, actor, survivorId, mergedId, now));
        return person(survivorId);
    }

    /** Takes an account off a person into a new person; returns the new person's detail. */
    public PersonDetail unmerge(Actor actor, String personId, String accountId) {
        Instant now = now();
        String created = transactions.inTransaction(tx -> operations.unmerge(tx, actor, personId, accountId, now));
        return person(created);
    }

    public PersonDetail person(String id) {
        return queries.person(id).orElseThrow(() -> IdentityException.notFound("person " + id + " not found"));
    }

    public List<TimelineEntry> timeline(String personId) {
        person(personId);
        return queries.timeline(personId);
    }

    private static Map<String, Object> asMap(AuthorityMatrix m) {
        Map<String, Object> out = new java.util.TreeMap<>();
        m.rules().forEach((attr, kinds) -> out.put(attr, kinds.stream().map(SourceKind::wireName).toList()));
        return out;
    }

    private Instant now() {
        return Timestamps.now(clock);
    }
}
