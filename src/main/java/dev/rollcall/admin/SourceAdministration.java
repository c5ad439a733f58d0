package dev.rollcall.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.identity.AccessTokens;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.AuditStore;
import dev.rollcall.store.CredentialStore;
import dev.rollcall.store.Duplicates;
import dev.rollcall.store.SourceStore;
import dev.rollcall.store.Transactions;
import java.time.Clock;
import org.jooq.exception.DataAccessException;
import java.util.regex.Pattern;

/**
 * Registers sources and issues tokens. A token is returned exactly once; only its hash is kept.
 * Each change is written with its audit record in one transaction.
 */
public final class SourceAdministration {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public record IssuedSource(Source source, String token) {
    }

    private final Transactions transactions;
    private final SourceStore sources;
    private final CredentialStore credentials;
    private final AuditStore audit;
    private final AccessTokens tokens;
    private final Clock clock;
    private final ObjectMapper json;

    public SourceAdministration(Transactions transactions, SourceStore sources, CredentialStore credentials,
                                AuditStore audit, AccessTokens tokens, Clock clock, ObjectMapper json) {
        this.json = json;
        this.transactions = transactions;
        this.sources = sources;
        this.credentials = credentials;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    public IssuedSource addSource(Actor actor, String name, SourceKind kind, Boolean mayCreatePersons) {
        requireName(name);
        boolean mayCreate = mayCreatePersons != null ? mayCreatePersons : kind.createsPersonsByDefault();
        String token = tokens.mint("rc_src_");
        try {
            return insertSource(actor, name, kind, mayCreate, token);
        } catch (DataAccessException e) {
            // two registrations of one name at once: the loser hits the unique key, not the check below
            if (Duplicates.isDuplicateKey(e)) {
                throw new AdminException(409, "a source named '" + name + "' already exists");
            }
            throw e;
        }
    }

    private IssuedSource insertSource(Actor actor, String name, SourceKind kind, boolean mayCreate, String token) {
        return transactions.inTransaction(tx -> {
            if (sources.byName(tx, name).isPresent()) {
                throw new AdminException(409, "a source named '" + name + "' already exists");
            }
            Source source = sources.insert(tx, name, kind, mayCreate);
            credentials.addSourceToken(tx, source.id(), name + "-1", AccessTokens.hash(token));
            audit.append(tx, clock.instant(), new AuditStore.Entry(actor.name(), "source.create", "source",
                    Long.toString(source.id()), null,
                    json.createObjectNode().put("name", name).put("kind", kind.wireName())
                            .put("mayCreatePersons", mayCreate).toString(),
                    actor.correlationId()));
            return new IssuedSource(source, token);
        });
    }

    public String addAdminToken(Actor actor, String name, AdminScope scope) {
        requireName(name);
        String token = tokens.mint("rc_adm_");
        transactions.inTransaction(tx -> {
            credentials.addAdminToken(tx, name, scope, AccessTokens.hash(token));
            audit.append(tx, clock.instant(), new AuditStore.Entry(actor.name(), "admin-token.create", "credential",
                    name, null, json.createObjectNode().put("name", name).put("scope", scope.wireName()).toString(), actor.correlationId()));
            return null;
        });
        return token;
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AdminException(400, "a name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }
}
