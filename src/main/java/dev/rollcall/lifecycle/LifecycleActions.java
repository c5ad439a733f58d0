package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.identity.IdentityException;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.PersonWork;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What IT can do to a person's lifecycle directly, each in one transaction with its event and audit
 * record: revoke now (a security incident), reinstate what IT revoked, move the grace deadline (extend
 * or shorten), cancel the pending deprovision (the person stays suspended until the source or IT acts),
 * deprovision now.
 * A state that does not allow the action is a conflict; bad input is invalid; both change nothing.
 */
public final class LifecycleActions {
    static final String REVOKED = "involuntary";
    static final String BY_IT = "deprovisioned by IT";
    static final String REINSTATED = "reinstated";

    private final Transactor<? extends LifecycleTx> transactions;
    private final GracePolicy grace;
    private final Transitions transitions;
    private final Clock clock;

    public LifecycleActions(Transactor<? extends LifecycleTx> transactions, GracePolicy grace, Clock clock) {
        this.transactions = transactions;
        this.grace = grace;
        this.transitions = new Transitions(grace);
        this.clock = clock;
    }

    /**
     * ACTIVE → SUSPENDED now. The grace is that of {@code reason} when given, else the involuntary
     * grace (reason {@code involuntary}). The source saying "employed" does not undo it.
     */
    public void revoke(Actor actor, String personId, String reason) {
        String why = reason == null || reason.isBlank() ? REVOKED : reason.strip();
        if (why.length() > Employment.MAX_REASON) {
            throw IdentityException.invalid("'reason' must be at most " + Employment.MAX_REASON + " characters");
        }
        Duration period = reason == null || reason.isBlank() ? grace.involuntary() : grace.graceFor(why);
        inPerson(personId, (tx, person, now) -> {
            requireState(person, "revoked", LifecycleState.ACTIVE);
            transitions.revoke(tx, person, why, period, actor, now);
        });
    }

    /**
     * SUSPENDED or DEPROVISIONED → ACTIVE, undoing IT's own revocation (the incident is over, or the revoke
     * was a mistake): the pending deprovision is cancelled, reason {@code reinstated}. Only a revocation
     * can be undone here. A person its authoritative source terminated (also after a revoke: the source's
     * termination supersedes it) comes back when that source rescinds or rehires, not on IT's word.
     */
    public void reinstate(Actor actor, String personId) {
        inPerson(personId, (tx, person, now) -> {
            requireState(person, "reinstated", LifecycleState.SUSPENDED, LifecycleState.DEPROVISIONED);
            if (!tx.revocations().isRevoked(person.pk())) {
                throw IdentityException.conflict("person " + personId + " was terminated by its authoritative source, "
                        + "not revoked by IT; it comes back when that source rescinds the termination or rehires");
            }
            transitions.reactivate(tx, person, person.row().state(), REINSTATED, actor, null, now);
        });
    }

    /** Sets the deprovision deadline of a SUSPENDED person; it must not lie in the past. */
    public void setGraceUntil(Actor actor, String personId, Instant until) {
        inPerson(personId, (tx, person, now) -> {
            requireState(person, "given a new grace deadline", LifecycleState.SUSPENDED);
            Timer pending = pendingDeprovision(tx, person);
            move(tx, person, pending, until, actor, now);
        });
    }

    /** Moves the pending deprovision deadline by {@code by} (negative: shortens); the result must not lie in the past. */
    public void shiftGrace(Actor actor, String personId, Duration by) {
        inPerson(personId, (tx, person, now) -> {
            requireState(person, "given a new grace deadline", LifecycleState.SUSPENDED);
            Timer pending = pendingDeprovision(tx, person);
            if (pending == null) {
                throw IdentityException.conflict("person " + personId + " has no pending deprovision to move; "
                        + "set 'graceUntil' to schedule one");
            }
            move(tx, person, pending, pending.dueAt().plus(by), actor, now);
        });
    }

    /** Cancels the pending deprovision: the person stays suspended, with no deadline. */
    public void cancelDeprovision(Actor actor, String personId) {
        inPerson(personId, (tx, person, now) -> {
            requireState(person, "spared its deprovision", LifecycleState.SUSPENDED);
            Timer pending = pendingDeprovision(tx, person);
            if (pending == null) {
                throw IdentityException.conflict("person " + personId + " has no pending deprovision");
            }
            transitions.changeGrace(tx, person, pending, pending.reason(), null, actor, "person.deprovision.cancel", now);
        });
    }

    /** SUSPENDED → DEPROVISIONED now. */
    public void deprovision(Actor actor, String personId) {
        inPerson(personId, (tx, person, now) -> {
            requireState(person, "deprovisioned (revoke it first)", LifecycleState.SUSPENDED);
            Timer pending = pendingDeprovision(tx, person);
            transitions.deprovisionNow(tx, person, pending == null ? BY_IT : pending.reason(), actor, now);
        });
    }

    private void move(LifecycleTx tx, PersonWork person, Timer pending, Instant until, Actor actor, Instant now) {
        if (until.isBefore(now)) {
            throw IdentityException.invalid("the new grace deadline " + until + " lies in the past; "
                    + "deprovision the person now instead");
        }
        String reason = pending == null ? BY_IT : pending.reason();
        String action = pending == null || !until.isBefore(pending.dueAt()) ? "person.grace.extend" : "person.grace.shorten";
        transitions.changeGrace(tx, person, pending, reason, until, actor, action, now);
    }

    private static Timer pendingDeprovision(LifecycleTx tx, PersonWork person) {
        List<Timer> pending = tx.timers().pending(person.pk()).stream()
                .filter(t -> t.kind() == TimerKind.DEPROVISION).toList();
        return pending.isEmpty() ? null : pending.get(0);
    }

    /** A conflict unless the person is in one of the {@code wanted} states; {@code what} completes "can be …". */
    private static void requireState(PersonWork person, String what, LifecycleState... wanted) {
        LifecycleState state = person.row().state();
        if (!List.of(wanted).contains(state)) {
            String states = String.join(" or ", Arrays.stream(wanted).map(LifecycleState::wireName).toList());
            throw IdentityException.conflict("person " + person.id() + " is " + (state == null ? "provisional" : state.wireName())
                    + "; only a " + states + " person can be " + what);
        }
    }

    private interface Work {
        void apply(LifecycleTx tx, PersonWork person, Instant now);
    }

    private void inPerson(String personId, Work work) {
        transactions.inTransaction(tx -> {
            PersonRef ref = tx.persons().byId(personId)
                    .orElseThrow(() -> IdentityException.notFound("person " + personId + " not found"));
            PersonWork person = new PersonWork(tx, ref.pk());
            if (person.row().mergedIntoPk() != null) {
                throw IdentityException.conflict("person " + personId + " was merged into another person");
            }
            if (person.provisional()) {
                throw IdentityException.conflict("person " + personId + " is provisional (unresolved)");
            }
            work.apply(tx, person, Timestamps.now(clock));
            return null;
        });
    }
}
