package dev.rollcall.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.kernel.Transactor;
import java.util.function.Function;

/** Runs domain work in one jOOQ transaction (retried as a whole on deadlock) over a fresh {@link StoreTx}. */
public final class StoreTransactor implements Transactor<StoreTx> {
    private final Transactions transactions;
    private final StoreTx.StoreParts parts;

    public StoreTransactor(Transactions transactions, ObjectMapper json) {
        this.transactions = transactions;
        this.parts = StoreTx.StoreParts.create(json, new MembershipQueries());
    }

    @Override
    public <T> T inTransaction(Function<? super StoreTx, T> work) {
        return transactions.inTransaction(tx -> {
            StoreTx store = new StoreTx(tx, parts);
            T result = work.apply(store);
            store.beforeCommit();
            return result;
        });
    }
}
