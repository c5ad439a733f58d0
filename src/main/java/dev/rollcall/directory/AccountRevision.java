package dev.rollcall.directory;

/**
 * Computes an account's new content from its current, locked state, inside the change's transaction:
 * the protocol checks preconditions (If-Match, immutable attributes), applies a PATCH and normalises.
 * It may run again when the transaction is retried, so it must only compute (or throw).
 */
@FunctionalInterface
public interface AccountRevision {
    AccountContent revise(Account current);
}
