package dev.rollcall.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rollcall.identity.AccessTokens;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;
import dev.rollcall.store.AuditStore;
import dev.rollcall.store.CredentialStore;
import dev.rollcall.store.CredentialStore.TokenInfo;
import dev.rollcall.store.SourceStore;
import dev.rollcall.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rotation and revocation of source tokens. A source holds at most two active tokens, so that a
 * new one can be rolled out before the old one is revoked; a third is refused. Each change is
 * audited in its own transaction, with the source row locked so that concurrent rotations
 * cannot both pass the limit.
 */
public final class SourceTokens {
    public static final int MAX_ACTIVE = 2;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** A new token: its public handle and the secret, shown exactly once. */
    public record IssuedToken(TokenInfo info, String token) {
    }

    private final Transactions transactions;
    private final SourceStore sources;
    private final CredentialStore credentials;
    private final AuditStore audit;
    private final AccessTokens tokens;
    private final Runnable afterRevocation;
    private final Clock clock;

    /** afterRevocation runs after a revocation commits (it empties the authentication cache). */
    public SourceTokens(Transactions transactions, SourceStore sources, CredentialStore credentials, AuditStore audit,
                        AccessTokens tokens, Runnable afterRevocation, Clock clock) {
        this.transactions = transactions;
        this.sources = sources;
        this.credentials = credentials;
        this.audit = audit;
        this.tokens = tokens;
        this.afterRevocation = afterRevocation;
        this.clock = clock;
    }

    /** Issues an additional token; tokenName may be null (then "<source>-<n>"). */
    public IssuedToken issue(Actor actor, String sourceName, String tokenName) {
        if (tokenName != null && !NAME.matcher(tokenName).matches()) {
            throw new AdminException(400, "a token name is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String token = tokens.mint("rc_src_");
        return transactions.inTransaction(tx -> {
            Source source = sources.lockByName(tx, sourceName).orElseThrow(() -> unknownSource(sourceName));
            List<TokenInfo> existing = credentials.sourceTokens(tx, source.id());
            long active = existing.stream().filter(TokenInfo::active).count();
            if (active >= MAX_ACTIVE) {
                throw new AdminException(409, "source '" + sourceName + "' already has " + active
                        + " active tokens; revoke one before issuing another");
            }
            String name = tokenName != null ? tokenName : sourceName + "-" + (existing.size() + 1);
            Instant now = clock.instant();
            long id = credentials.addSourceToken(tx, source.id(), name, AccessTokens.hash(token));
            audit.append(tx, now, new AuditStore.Entry(actor.name(), "source.token.issue", "credential",
                    Long.toString(id), null,
                    JsonNodeFactory.instance.objectNode().put("source", sourceName).put("name", name).toString(), actor.correlationId()));
            TokenInfo info = credentials.sourceTokens(tx, source.id()).stream()
                    .filter(t -> t.id() == id).findFirst().orElseThrow();
            return new IssuedToken(info, token);
        });
    }

    /** Revokes one of the source's tokens. Revoking a revoked token changes nothing. */
    public TokenInfo revoke(Actor actor, String sourceName, long tokenId) {
        TokenInfo revoked = transactions.inTransaction(tx -> {
            Source source = sources.lockByName(tx, sourceName).orElseThrow(() -> unknownSource(sourceName));
            TokenInfo before = credentials.sourceTokens(tx, source.id()).stream()
                    .filter(t -> t.id() == tokenId).findFirst()
                    .orElseThrow(() -> new AdminException(404, "source '" + sourceName + "' has no token " + tokenId));
            if (!before.active()) {
                return before;
            }
            Instant now = clock.instant();
            credentials.revoke(tx, tokenId, now);
            audit.append(tx, now, new AuditStore.Entry(actor.name(), "source.token.revoke", "credential",
                    Long.toString(tokenId), JsonNodeFactory.instance.objectNode().putNull("revokedAt").toString(),
                    JsonNodeFactory.instance.objectNode().put("source", sourceName).put("revokedAt", now.toString())
                            .toString(), actor.correlationId()));
            return new TokenInfo(before.id(), before.name(), before.createdAt(), now);
        });
        afterRevocation.run();
        return revoked;
    }

    static AdminException unknownSource(String name) {
        return new AdminException(404, "no source named '" + name + "'");
    }
}
