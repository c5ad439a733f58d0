package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;

import dev.rollcall.directory.Account;
import dev.rollcall.directory.AccountContent;
import dev.rollcall.directory.AccountRows;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.Source;
import dev.rollcall.kernel.RowWrite;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** The directory's account rows over one transaction. */
final class StoreAccountRows implements AccountRows {
    private final DSLContext tx;
    private final AccountStore accounts;
    private final TxReads reads;

    StoreAccountRows(DSLContext tx, AccountStore accounts, TxReads reads) {
        this.tx = tx;
        this.accounts = accounts;
        this.reads = reads;
    }

    @Override
    public Optional<Account> lock(long sourceId, String id) {
        return accounts.locked(tx, sourceId, id);
    }

    @Override
    public RowWrite insert(Source source, String id, long personPk, Instant at, AccountContent content) {
        long pk;
        try {
            pk = accounts.insert(tx, source.id(), id, personPk, at, content);
        } catch (DataAccessException e) {
            return duplicateOrThrow(e, source.id(), content, null);
        }
        // the new row belongs to one person's list; until its facts are saved it reads as the database would
        // answer now (no facts row: no worker id, no attributes)
        reads.accountInserted(personPk, new LinkedAccount(pk, id, content.userName(), content.externalId(), source,
                content.active(), at, at, new AccountFacts(null, content.active(), Map.of())));
        accounts.replaceValues(tx, pk, source.id(), content.values(), false);
        return new RowWrite.Written(pk);
    }

    @Override
    public RowWrite replace(Account current, long newVersion, Instant at, AccountContent content) {
        reads.accountsChanged();
        try {
            accounts.replace(tx, current.pk(), newVersion, at, content);
        } catch (DataAccessException e) {
            return duplicateOrThrow(e, current.sourceId(), content, current.pk());
        }
        accounts.replaceValues(tx, current.pk(), current.sourceId(), content.values(), true);
        return new RowWrite.Written(current.pk());
    }

    @Override
    public void delete(long pk) {
        reads.accountsChanged();
        accounts.delete(tx, pk);
    }

    /**
     * The only unique value of an account is its userName (externalId is not unique: RFC 7643 §3.1).
     * Asked of the database rather than assumed (the statement failed; the transaction goes on): any
     * other duplicate key would be a bug, not the client's mistake.
     */
    private RowWrite duplicateOrThrow(DataAccessException e, long sourceId, AccountContent content, Long ownPk) {
        if (!Duplicates.isDuplicateKey(e)) {
            throw e;
        }
        Condition others = ownPk == null ? ACCOUNT.PK.isNotNull() : ACCOUNT.PK.ne(ownPk);
        boolean userNameTaken = tx.fetchExists(tx.selectOne().from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(sourceId))
                .and(ACCOUNT.USER_NAME_CI.eq(AccountStore.fold(content.userName()))).and(others));
        if (!userNameTaken) {
            throw e;
        }
        return new RowWrite.Duplicate("userName");
    }
}
