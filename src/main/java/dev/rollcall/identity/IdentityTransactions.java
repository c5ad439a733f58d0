package dev.rollcall.identity;

import java.util.function.Function;

/** Runs identity work in one transaction (retried as a whole on deadlock). */
public interface IdentityTransactions {
    <T> T inTransaction(Function<IdentityTx, T> work);
}
