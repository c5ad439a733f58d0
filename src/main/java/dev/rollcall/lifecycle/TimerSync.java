package dev.rollcall.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Keeps a person's pending timer of one kind in step with what its data asks for: none, or one due
 * at a given time. A changed time moves it (the old row is cancelled, a new one scheduled, so the
 * table keeps the history); an unchanged one is left alone, so re-evaluating twice changes nothing.
 */
final class TimerSync {
    private TimerSync() {
    }

    /** Returns whether a timer was scheduled, moved or cancelled. */
    static boolean keep(LifecycleTx tx, long personPk, TimerKind kind, Instant dueAt, String reason, Instant now) {
        return keep(tx, tx.timers().pending(personPk), personPk, kind, dueAt, reason, now);
    }

    /**
     * The same with the person's pending timers read by the caller (after its last change to them in
     * this transaction), so that keeping several kinds reads them once.
     */
    static boolean keep(LifecycleTx tx, List<Timer> pendingOfPerson, long personPk, TimerKind kind, Instant dueAt,
                        String reason, Instant now) {
        List<Timer> pending = pendingOfPerson.stream().filter(t -> t.kind() == kind).toList();
        if (dueAt != null && pending.size() == 1 && pending.get(0).dueAt().equals(dueAt)
                && Objects.equals(pending.get(0).reason(), reason)) {
            return false;
        }
        int cancelled = pending.isEmpty() ? 0 : tx.timers().cancelPending(personPk, kind, now);
        if (dueAt != null) {
            tx.timers().schedule(personPk, kind, reason, dueAt, now);
            return true;
        }
        return cancelled > 0;
    }
}
