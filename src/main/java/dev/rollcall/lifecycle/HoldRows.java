package dev.rollcall.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Hold rows, their items and the per-source sliding windows, in the current transaction. Lock order
 * (pushes and approvals alike): account row, then the source's gate, then the hold, then the person.
 */
public interface HoldRows {

    /** Locks the source's gate row (made on first use) for the rest of the transaction. */
    void lockGate(long sourceId);

    /** The source's hold that pushes join (open or applying), if any; call with the gate locked. */
    Optional<Hold> collecting(long sourceId);

    /** A new open hold of the source; returns it. */
    Hold open(long sourceId, ChangeKind trigger, String detail, Instant now);

    /** Appends a held push to the hold, after every item before it. */
    void add(long holdPk, HeldPush push, Instant now);

    /** Whether the account has pushes waiting in a hold (its later pushes then wait behind them). */
    boolean hasPending(long accountPk);

    /** Counts one termination or manager change of the source at {@code at} (held or not). */
    void count(long sourceId, ChangeKind kind, Instant at);

    /** How many the source pushed after {@code since}; older counts may be forgotten. */
    int countSince(long sourceId, ChangeKind kind, Instant since);

    /** How many active persons have an account in the source (the base of the percentage thresholds). */
    int activePersons(long sourceId);

    /** Reads a hold without locking it. */
    Optional<Hold> byId(String holdId);

    /** Locks a hold (its source's gate must be locked first). */
    Optional<Hold> lock(String holdId);

    /** The first pending items of a hold, in arrival order, at most limit. */
    List<HeldItem> pending(long holdPk, int limit);

    /** Locks a pending item, if it still is pending. */
    Optional<HeldItem> lockPending(long itemPk);

    void finishItem(long itemPk, boolean applied, Instant now);

    /** Discards every pending item of the hold; returns how many. */
    int discardPending(long holdPk, Instant now);

    /** A decision (approve: applying, reject) or the end of applying (approved). */
    void setStatus(long holdPk, HoldStatus status, String actor, Instant now);
}
