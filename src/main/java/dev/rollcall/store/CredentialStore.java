package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.CREDENTIAL;
import static dev.rollcall.store.generated.Tables.SOURCE;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.SourceToken;
import dev.rollcall.store.generated.enums.CredentialKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Bearer credentials, stored only as SHA-256 hashes; a revoked one no longer authenticates. */
public final class CredentialStore {

    /** Stores a source token's hash and returns the credential id (the token's public handle). */
    public long addSourceToken(DSLContext tx, long sourceId, String name, String tokenHash) {
        return tx.insertInto(CREDENTIAL)
                .set(CREDENTIAL.TOKEN_HASH, tokenHash)
                .set(CREDENTIAL.KIND, CredentialKind.source)
                .set(CREDENTIAL.SOURCE_ID, sourceId)
                .set(CREDENTIAL.NAME, name)
                .returningResult(CREDENTIAL.ID)
                .fetchOne()
                .value1();
    }

    /** A source's tokens, oldest first, revoked ones included; never the hashes. */
    public List<SourceToken> sourceTokens(DSLContext tx, long sourceId) {
        return tx.select(CREDENTIAL.ID, CREDENTIAL.NAME, CREDENTIAL.CREATED_AT, CREDENTIAL.REVOKED_AT)
                .from(CREDENTIAL)
                .where(CREDENTIAL.KIND.eq(CredentialKind.source)).and(CREDENTIAL.SOURCE_ID.eq(sourceId))
                .orderBy(CREDENTIAL.ID)
                .fetch(r -> new SourceToken(r.value1(), r.value2(), Clock.fromDb(r.value3()), Clock.fromDb(r.value4())));
    }

    /** Marks a token revoked; false when it was revoked already. */
    public boolean revoke(DSLContext tx, long credentialId, Instant at) {
        return tx.update(CREDENTIAL)
                .set(CREDENTIAL.REVOKED_AT, Clock.toDb(at))
                .where(CREDENTIAL.ID.eq(credentialId)).and(CREDENTIAL.REVOKED_AT.isNull())
                .execute() == 1;
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
