package dev.rollcall.identity;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.RowWrite;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers sources and issues admin tokens, and reads the registered sources. A token is returned
 * exactly once; only its hash is kept. Each change is written with its audit record in one transaction.
 */
public final class SourceAdministration {

    public record IssuedSource(Source source, String token) {
    }

    private final Transactor<? extends SourceRegistryTx> transactions;
    private final SourceDirectory directory;
    private final AccessTokens tokens;
    private final Clock clock;

    public SourceAdministration(Transactor<? extends SourceRegistryTx> transactions, SourceDirectory directory,
                                AccessTokens tokens, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A source with its kind's defaults for what it may do beyond pushing, except mayCreatePersons when given. */
    public IssuedSource addSource(Actor actor, String name, SourceKind kind, Boolean mayCreatePersons) {
        return addSource(actor, name, kind, mayCreatePersons, null);
    }

    /**
     * mayCreatePersons, assertsWorkerIds null: the kind's default. Throws INVALID for a bad name,
     * CONFLICT for a taken one.
     */
    public IssuedSource addSource(Actor actor, String name, SourceKind kind, Boolean mayCreatePersons,
                                  Boolean assertsWorkerIds) {
        requireName(name);
        boolean mayCreate = mayCreatePersons != null ? mayCreatePersons : kind.createsPersonsByDefault();
        boolean asserts = assertsWorkerIds != null ? assertsWorkerIds : kind.assertsWorkerIdsByDefault();
        String token = tokens.mint("rc_src_");
        return transactions.inTransaction(tx -> {
            SourceRegistry registry = tx.sourceRegistry();
            if (registry.byName(name).isPresent()) {
                throw nameTaken(name);
            }
            // two registrations of one name at once: the loser hits the unique key, not the check above
            if (!(registry.insert(name, kind, mayCreate, asserts) instanceof RowWrite.Written written)) {
                throw nameTaken(name);
            }
            Source source = new Source(written.pk(), name, kind, mayCreate, asserts);
            registry.addSourceToken(source.id(), name + "-1", AccessTokens.hash(token));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("name", name);
            after.put("kind", kind.wireName());
            after.put("mayCreatePersons", mayCreate);
            after.put("assertsWorkerIds", asserts);
            tx.audit().record(clock.instant(), new AuditRecord(actor, "source.create", "source",
                    Long.toString(source.id()), null, AuditRecord.fields(after)));
            return new IssuedSource(source, token);
        });
    }

    /** Issues an admin token and returns it (shown once). Throws INVALID for a bad name. */
    public String addAdminToken(Actor actor, String name, AdminScope scope) {
        requireName(name);
        String token = tokens.mint("rc_adm_");
        transactions.inTransaction(tx -> {
            tx.sourceRegistry().addAdminToken(name, scope, AccessTokens.hash(token));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("name", name);
            after.put("scope", scope.wireName());
            tx.audit().record(clock.instant(), new AuditRecord(actor, "admin-token.create", "credential", name, null,
                    AuditRecord.fields(after)));
            return null;
        });
        return token;
    }

    /** Every source with its tokens, in registration order. */
    public List<RegisteredSource> sources() {
        return directory.registered();
    }

    /** Throws NOT_FOUND when no source has the name. */
    public RegisteredSource source(String name) {
        return directory.registered(name).orElseThrow(() -> RegistryNames.unknownSource(name));
    }

    private static IdentityException nameTaken(String name) {
        return IdentityException.conflict("a source named '" + name + "' already exists");
    }

    private static void requireName(String name) {
        if (!RegistryNames.isValid(name)) {
            throw IdentityException.invalid("a name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
