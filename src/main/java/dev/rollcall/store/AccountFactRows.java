package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.ACCOUNT_FACTS;
import static dev.rollcall.store.generated.Tables.SOURCE;

import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.AccountLink;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.LinkedAccounts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;

/** Accounts as identity resolution sees them: their stored facts, match keys and links. */
final class AccountFactRows implements LinkedAccounts {
    private final DSLContext tx;
    private final FactsJson facts;
    private final TxReads reads;

    /** For a read outside a change (nothing to share). */
    AccountFactRows(DSLContext tx, FactsJson facts) {
        this(tx, facts, new TxReads());
    }

    AccountFactRows(DSLContext tx, FactsJson facts, TxReads reads) {
        this.tx = tx;
        this.facts = facts;
        this.reads = reads;
    }

    /** Accounts linked to a person, with their facts, in creation order; read once per transaction until one changes. */
    @Override
    public List<LinkedAccount> linked(long personPk) {
        Optional<List<LinkedAccount>> known = reads.linked(personPk);
        if (known.isPresent()) {
            return known.get();
        }
        List<LinkedAccount> accounts = tx.select(ACCOUNT.PK, ACCOUNT.ID, ACCOUNT.USER_NAME, ACCOUNT.EXTERNAL_ID, ACCOUNT.ACTIVE, ACCOUNT.CREATED_AT,
                        ACCOUNT.UPDATED_AT, ACCOUNT_FACTS.FACTS, SOURCE.asterisk())
                .from(ACCOUNT)
                .join(SOURCE).on(SOURCE.ID.eq(ACCOUNT.SOURCE_ID))
                .leftJoin(ACCOUNT_FACTS).on(ACCOUNT_FACTS.ACCOUNT_PK.eq(ACCOUNT.PK))
                .where(ACCOUNT.PERSON_PK.eq(personPk))
                .orderBy(ACCOUNT.PK)
                .fetch(this::toLinked);
        return reads.keepLinked(personPk, accounts);
    }

    @Override
    public Optional<AccountLink> byId(String accountId) {
        return tx.select(ACCOUNT.PK, ACCOUNT.ID, ACCOUNT.PERSON_PK, SOURCE.asterisk())
                .from(ACCOUNT).join(SOURCE).on(SOURCE.ID.eq(ACCOUNT.SOURCE_ID))
                .where(ACCOUNT.ID.eq(accountId))
                .fetchOptional(r -> new AccountLink(r.get(ACCOUNT.PK), r.get(ACCOUNT.ID), r.get(ACCOUNT.PERSON_PK),
                        SourceStore.toSource(r)));
    }

    @Override
    public void saveFacts(long accountPk, AccountFacts f, boolean replacing) {
        JSON value = JSON.valueOf(facts.write(f));
        reads.factsSaved(accountPk, f);
        if (replacing) {
            tx.insertInto(ACCOUNT_FACTS).set(ACCOUNT_FACTS.ACCOUNT_PK, accountPk).set(ACCOUNT_FACTS.FACTS, value)
                    .onDuplicateKeyUpdate().set(ACCOUNT_FACTS.FACTS, value).execute();
        } else {
            tx.insertInto(ACCOUNT_FACTS).set(ACCOUNT_FACTS.ACCOUNT_PK, accountPk).set(ACCOUNT_FACTS.FACTS, value).execute();
        }
    }

    @Override
    public void relink(long accountPk, long personPk) {
        reads.accountsChanged();
        tx.update(ACCOUNT).set(ACCOUNT.PERSON_PK, personPk).where(ACCOUNT.PK.eq(accountPk)).execute();
    }

    private LinkedAccount toLinked(Record r) {
        JSON f = r.get(ACCOUNT_FACTS.FACTS);
        AccountFacts af = f == null ? new AccountFacts(null, r.get(ACCOUNT.ACTIVE), Map.of()) : facts.read(f.data());
        return new LinkedAccount(r.get(ACCOUNT.PK), r.get(ACCOUNT.ID), r.get(ACCOUNT.USER_NAME), r.get(ACCOUNT.EXTERNAL_ID),
                SourceStore.toSource(r), r.get(ACCOUNT.ACTIVE),
                Clock.fromDb(r.get(ACCOUNT.CREATED_AT)), Clock.fromDb(r.get(ACCOUNT.UPDATED_AT)), af);
    }
}
