package dev.rollcall.identity;

import java.util.List;
import java.util.Optional;

/** Accounts as identity resolution sees them: their facts and the person each is linked to. */
public interface LinkedAccounts {

    /** Accounts linked to a person, with their facts, in creation order. */
    List<LinkedAccount> linked(long personPk);

    Optional<AccountLink> byId(String accountId);

    void saveFacts(long accountPk, AccountFacts facts, boolean replacing);

    void relink(long accountPk, long personPk);
}
