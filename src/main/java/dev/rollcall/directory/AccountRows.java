package dev.rollcall.directory;

import dev.rollcall.identity.Source;
import dev.rollcall.kernel.RowWrite;
import java.time.Instant;
import java.util.Optional;

/** Account rows and their filter index, in the current transaction. */
public interface AccountRows {

    /** The account, locked for the rest of the transaction. */
    Optional<Account> lock(long sourceId, String id);

    /** Inserts the account and its index rows; a taken userName comes back as a duplicate (externalId is not unique). */
    RowWrite insert(Source source, String id, long personPk, Instant at, AccountContent content);

    /** Replaces the account's content and index rows and sets its version. */
    RowWrite replace(Account current, long newVersion, Instant at, AccountContent content);

    void delete(long pk);
}
