package dev.rollcall.kernel;

import java.util.function.Function;

/**
 * Runs work in one database transaction over the ports {@code P} bound to it; commits when the work
 * returns, rolls back when it throws. The work may be run again after a deadlock, so it must have no
 * side effects outside the transaction (no network calls, no messages).
 */
public interface Transactor<P> {
    <T> T inTransaction(Function<? super P, T> work);
}
