package dev.rollcall.identity;

import dev.rollcall.kernel.RowWrite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Source rows and their credentials, bound to the change's transaction. Tokens are kept only as hashes. */
public interface SourceRegistry {

    Optional<Source> byName(String name);

    /** The source by name, its row locked for the rest of the transaction (serialises token rotation). */
    Optional<Source> lockByName(String name);

    /** Written with the new source's id, or Duplicate("name") when another source holds the name. */
    RowWrite insert(String name, SourceKind kind, boolean mayCreatePersons, boolean assertsWorkerIds);

    void setAssertsWorkerIds(long sourceId, boolean asserts);

    /** The IANA time zone the source's plain dates are read in; null: the configured default. */
    Optional<String> timeZone(long sourceId);

    void setTimeZone(long sourceId, String zoneId);

    /** Declares (or clears, with null) the attribute the source's accounts are correlated by. */
    void setCorrelationAttribute(long sourceId, String attribute);

    /** A source's tokens, oldest first, revoked ones included. */
    List<SourceToken> tokens(long sourceId);

    /** Stores a source token's hash; returns the token's id. */
    long addSourceToken(long sourceId, String name, String tokenHash);

    /** Marks a token revoked; false when it was revoked already. */
    boolean revoke(long tokenId, Instant at);

    void addAdminToken(String name, AdminScope scope, String tokenHash);
}
