package dev.rollcall.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A person's timers, in the current transaction (the person is locked by the caller first). */
public interface Timers {

    /** A new pending timer; returns its key. */
    long schedule(long personPk, TimerKind kind, String reason, Instant dueAt, Instant now);

    /** Cancels the person's pending timers of this kind; returns how many there were. */
    int cancelPending(long personPk, TimerKind kind, Instant now);

    /** Cancels the person's pending timers of any of these kinds, in one statement; returns how many there were. */
    int cancelPending(long personPk, Set<TimerKind> kinds, Instant now);

    /** Cancels the person's pending timers of this kind on an admin's word ({@code actor}); returns how many. */
    int cancelPending(long personPk, TimerKind kind, String actor, Instant now);

    /**
     * Moves a pending timer to a new due time: the row is kept as history (moved) and a new pending
     * row names it; returns the new row's key.
     */
    long move(long timerPk, Instant dueAt, String actor, Instant now);

    /** The person's pending timers, soonest first. */
    List<Timer> pending(long personPk);

    /**
     * Locks a timer this scheduler leased, if it is still pending and still leased to {@code owner}
     * (a cancel or another scheduler whose lease took over makes it absent).
     */
    Optional<Timer> lockLeased(long timerPk, String owner);

    /** The timer is done: fired, or cancelled because its person no longer needed it. */
    void finish(long timerPk, boolean fired, Instant now);
}
