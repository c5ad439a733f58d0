package dev.rollcall.identity;

import dev.rollcall.identity.InMemoryTables.StoredAccount;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link LinkedAccounts} over the fake's tables (test code; see {@link InMemoryIdentityStore}). */
final class InMemoryLinkedAccounts implements LinkedAccounts {
    private final InMemoryIdentityStore store;

    InMemoryLinkedAccounts(InMemoryIdentityStore store) {
        this.store = store;
    }

    /** In pk (creation) order; an account without facts yet reads as empty facts, like the LEFT JOIN. */
    @Override
    public List<LinkedAccount> linked(long personPk) {
        InMemoryTables t = store.tables();
        return t.accounts.values().stream().filter(a -> a.personPk() == personPk)
                .map(a -> new LinkedAccount(a.pk(), a.id(), a.userName(), a.externalId(), t.source(a.sourceId()), a.active(), a.createdAt(),
                        a.updatedAt(), a.facts() != null ? a.facts() : new AccountFacts(null, a.active(), Map.of())))
                .toList();
    }

    @Override
    public Optional<AccountLink> byId(String accountId) {
        InMemoryTables t = store.tables();
        return t.accounts.values().stream().filter(a -> a.id().equals(accountId)).findFirst()
                .map(a -> new AccountLink(a.pk(), a.id(), a.personPk(), t.source(a.sourceId())));
    }

    /** Inserting facts twice is the primary-key violation it is in the database. */
    @Override
    public void saveFacts(long accountPk, AccountFacts facts, boolean replacing) {
        InMemoryTables t = store.tables();
        StoredAccount a = t.account(accountPk);
        if (!replacing && a.facts() != null) {
            throw new IllegalStateException("fake store: account " + accountPk + " already has facts");
        }
        t.accounts.put(accountPk, a.withFacts(facts));
    }

    @Override
    public void relink(long accountPk, long personPk) {
        InMemoryTables t = store.tables();
        t.person(personPk);
        t.accounts.put(accountPk, t.account(accountPk).linkedTo(personPk));
    }
}
