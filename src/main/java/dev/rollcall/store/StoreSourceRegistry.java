package dev.rollcall.store;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.identity.SourceRegistry;
import dev.rollcall.identity.SourceToken;
import dev.rollcall.kernel.RowWrite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Sources and credentials over one transaction. The only unique key a new source can hit is its name. */
final class StoreSourceRegistry implements SourceRegistry {
    private final DSLContext tx;
    private final SourceStore sources;
    private final CredentialStore credentials;

    StoreSourceRegistry(DSLContext tx, SourceStore sources, CredentialStore credentials) {
        this.tx = tx;
        this.sources = sources;
        this.credentials = credentials;
    }

    @Override
    public Optional<Source> byName(String name) {
        return sources.byName(tx, name);
    }

    @Override
    public Optional<Source> lockByName(String name) {
        return sources.lockByName(tx, name);
    }

    @Override
    public RowWrite insert(String name, SourceKind kind, boolean mayCreatePersons, boolean assertsWorkerIds) {
        try {
            return new RowWrite.Written(sources.insert(tx, name, kind, mayCreatePersons, assertsWorkerIds).id());
        } catch (DataAccessException e) {
            if (Duplicates.isDuplicateKey(e)) {
                return new RowWrite.Duplicate("name");
            }
            throw e;
        }
    }

    @Override
    public void setAssertsWorkerIds(long sourceId, boolean asserts) {
        sources.setAssertsWorkerIds(tx, sourceId, asserts);
    }

    @Override
    public Optional<String> timeZone(long sourceId) {
        return sources.timeZone(tx, sourceId);
    }

    @Override
    public void setTimeZone(long sourceId, String zoneId) {
        sources.setTimeZone(tx, sourceId, zoneId);
    }

    @Override
    public void setCorrelationAttribute(long sourceId, String attribute) {
        sources.setCorrelationAttribute(tx, sourceId, attribute);
    }

    @Override
    public List<SourceToken> tokens(long sourceId) {
        return credentials.sourceTokens(tx, sourceId);
    }

    @Override
    public long addSourceToken(long sourceId, String name, String tokenHash) {
        return credentials.addSourceToken(tx, sourceId, name, tokenHash);
    }

    @Override
    public boolean revoke(long tokenId, Instant at) {
        return credentials.revoke(tx, tokenId, at);
    }

    @Override
    public void addAdminToken(String name, AdminScope scope, String tokenHash) {
        credentials.addAdminToken(tx, name, scope, tokenHash);
    }
}
