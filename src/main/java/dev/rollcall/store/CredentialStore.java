package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.CREDENTIAL;
import static dev.rollcall.store.generated.Tables.SOURCE;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.Caller;
import dev.rollcall.store.generated.enums.CredentialKind;
import java.util.Optional;
import org.jooq.DSLContext;

/** Bearer credentials, stored only as SHA-256 hashes; a revoked one no longer authenticates. */
public final class CredentialStore {

    public void addSourceToken(DSLContext tx, long sourceId, String name, String tokenHash) {
        tx.insertInto(CREDENTIAL)
                .set(CREDENTIAL.TOKEN_HASH, tokenHash)
                .set(CREDENTIAL.KIND, CredentialKind.source)
                .set(CREDENTIAL.SOURCE_ID, sourceId)
                .set(CREDENTIAL.NAME, name)
                .execute();
    }

    public void addAdminToken(DSLContext tx, String name, AdminScope scope, String tokenHash) {
        tx.insertInto(CREDENTIAL)
                .set(CREDENTIAL.TOKEN_HASH, tokenHash)
                .set(CREDENTIAL.KIND, CredentialKind.admin)
                .set(CREDENTIAL.NAME, name)
                .set(CREDENTIAL.SCOPE, scope.wireName())
                .execute();
    }

    /** The caller a token hash belongs to, if it is known and not revoked. */
    public Optional<Caller> callerFor(DSLContext db, String tokenHash) {
        return db.select(CREDENTIAL.KIND, CREDENTIAL.NAME, CREDENTIAL.SCOPE, SOURCE.asterisk())
                .from(CREDENTIAL)
                .leftJoin(SOURCE).on(SOURCE.ID.eq(CREDENTIAL.SOURCE_ID))
                .where(CREDENTIAL.TOKEN_HASH.eq(tokenHash))
                .and(CREDENTIAL.REVOKED_AT.isNull())
                .fetchOptional()
                .map(r -> r.get(CREDENTIAL.KIND) == CredentialKind.source
                        ? new Caller.SourceCaller(SourceStore.toSource(r))
                        : new Caller.AdminCaller(r.get(CREDENTIAL.NAME), AdminScope.fromWireName(r.get(CREDENTIAL.SCOPE))));
    }
}
