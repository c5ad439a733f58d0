package dev.rollcall.identity;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rotation and revocation of source tokens. A source holds at most two active tokens, so that a
 * new one can be rolled out before the old one is revoked; a third is refused. Each change is
 * audited in its own transaction, with the source row locked so that concurrent rotations
 * cannot both pass the limit.
 */
public final class SourceTokens {
    public static final int MAX_ACTIVE = 2;

    /** A new token: its public handle and the secret, shown exactly once. */
    public record IssuedToken(SourceToken info, String token) {
    }

    private final Transactor<? extends SourceRegistryTx> transactions;
    private final AccessTokens tokens;
    private final Runnable afterRevocation;
    private final Clock clock;

    /** afterRevocation runs after a revocation commits (it empties the authentication cache). */
    public SourceTokens(Transactor<? extends SourceRegistryTx> transactions, AccessTokens tokens, Runnable afterRevocation,
                        Clock clock) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.afterRevocation = afterRevocation;
        this.clock = clock;
    }

    /**
     * Issues an additional token; tokenName may be null (then "<source>-<n>"). Throws INVALID for a bad
     * name, NOT_FOUND for an unknown source, CONFLICT when the source has its two active tokens.
     */
    public IssuedToken issue(Actor actor, String sourceName, String tokenName) {
        if (tokenName != null && !RegistryNames.isValid(tokenName)) {
            throw IdentityException.invalid(
                    "a token name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String token = tokens.mint("rc_src_");
        return transactions.inTransaction(tx -> {
            SourceRegistry registry = tx.sourceRegistry();
            Source source = registry.lockByName(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
            List<SourceToken> existing = registry.tokens(source.id());
            long active = existing.stream().filter(SourceToken::active).count();
            if (active >= MAX_ACTIVE) {
                throw IdentityException.conflict("source '" + sourceName + "' already has " + active
                        + " active tokens; revoke one before issuing another");
            }
            String name = tokenName != null ? tokenName : sourceName + "-" + (existing.size() + 1);
            long id = registry.addSourceToken(source.id(), name, AccessTokens.hash(token));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("source", sourceName);
            after.put("name", name);
            tx.audit().record(clock.instant(), new AuditRecord(actor, "source.token.issue", "credential",
                    Long.toString(id), null, AuditRecord.fields(after)));
            // read back for the dates the database set
            SourceToken info = registry.tokens(source.id()).stream().filter(t -> t.id() == id).findFirst().orElseThrow();
            return new IssuedToken(info, token);
        });
    }

    /** Revokes one of the source's tokens. Revoking a revoked token changes nothing. Throws NOT_FOUND. */
    public SourceToken revoke(Actor actor, String sourceName, long tokenId) {
        SourceToken revoked = transactions.inTransaction(tx -> {
            SourceRegistry registry = tx.sourceRegistry();
            Source source = registry.lockByName(sourceName).orElseThrow(() -> RegistryNames.unknownSource(sourceName));
            SourceToken before = registry.tokens(source.id()).stream().filter(t -> t.id() == tokenId).findFirst()
                    .orElseThrow(() -> IdentityException.notFound("source '" + sourceName + "' has no token " + tokenId));
            if (!before.active()) {
                return before;
            }
            Instant now = clock.instant();
            registry.revoke(tokenId, now);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("source", sourceName);
            after.put("revokedAt", now.toString());
            tx.audit().record(now, new AuditRecord(actor, "source.token.revoke", "credential", Long.toString(tokenId),
                    AuditRecord.fields(Collections.singletonMap("revokedAt", null)), AuditRecord.fields(after)));
            return before.revokedAt(now);
        });
        afterRevocation.run();
        return revoked;
    }
}
