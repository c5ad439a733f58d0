package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PersonWork;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Applies an employment verdict to one locked, real person, in the caller's transaction: the
 * transition it calls for (suspend, reactivate, pend a new hire, activate), then the dated steps kept
 * in step with the data (ACTIVATE at the hire date while pending, TERMINATE at a termination date
 * ahead) and the leave mark. Applying the same verdict twice changes nothing, so both a push and a
 * due timer can simply re-evaluate.
 */
final class EmploymentStep {
    static final String TERMINATION_DATE = "termination_date";

    private final Transitions transitions;

    EmploymentStep(Transitions transitions) {
        this.transitions = transitions;
    }

    /**
     * Returns whether the person's lifecycle state changed. {@code reactivationReason}: the reason of a
     * reactivation this causes ({@code merged}), null for the usual rescinded or rehire. {@code firing}:
     * the due timer this step runs for (null for a push), which its caller finishes, so a suspension
     * need not cancel it first.
     */
    boolean apply(LifecycleTx tx, PersonWork person, Employment.Verdict verdict, Actor actor, Long sourceId, Instant now,
                  String reactivationReason, Timer firing) {
        LifecycleState before = person.row().state();
        LifecycleRows.PersonLifecycleRow row = tx.lifecycleRows().person(person.pk());
        List<Timer> pending = tx.timers().pending(person.pk()); // read once: the transition changes only what it finds
        LifecycleState state = transition(tx, person, before, row, pending, verdict, actor, sourceId, now,
                reactivationReason, firing);
        pending = leftAfter(pending, before, state);
        TimerSync.keep(tx, pending, person.pk(), TimerKind.ACTIVATE,
                state == LifecycleState.PENDING ? verdict.startsAt() : null, Transitions.HIRE_DATE, now);
        boolean employed = state == LifecycleState.ACTIVE || state == LifecycleState.PENDING;
        Instant terminatesAt = employed && verdict.terminatesAt() != null && verdict.terminatesAt().isAfter(now)
                ? verdict.terminatesAt() : null;
        TimerSync.keep(tx, pending, person.pk(), TimerKind.TERMINATE, terminatesAt, TERMINATION_DATE, now);
        boolean onLeave = state == LifecycleState.ACTIVE && verdict.onLeave();
        boolean wasOnLeave = state == before && row.onLeaveSince() != null; // a transition clears it
        if (onLeave != wasOnLeave) {
            transitions.leave(tx, person, onLeave, actor, sourceId, now);
        }
        return state != before;
    }

    /**
     * The dated timers (ACTIVATE, TERMINATE) still pending after the transition, without reading them
     * again: a suspension cancelled both kinds, an activation its ACTIVATE; the other transitions
     * change only DEPROVISION timers, which the dated steps do not look at.
     */
    private static List<Timer> leftAfter(List<Timer> pending, LifecycleState before, LifecycleState state) {
        if (state == before) {
            return pending;
        }
        if (state == LifecycleState.SUSPENDED) {
            return pending.stream().filter(t -> !Transitions.DATED.contains(t.kind())).toList();
        }
        if (before == LifecycleState.PENDING && state == LifecycleState.ACTIVE) {
            return pending.stream().filter(t -> t.kind() != TimerKind.ACTIVATE).toList();
        }
        return pending;
    }

    private LifecycleState transition(LifecycleTx tx, PersonWork person, LifecycleState state,
                                      LifecycleRows.PersonLifecycleRow row, List<Timer> pending,
                                      Employment.Verdict verdict, Actor actor,
                                      Long sourceId, Instant now, String reactivationReason, Timer firing) {
        switch (verdict.status()) {
            case TERMINATED -> {
                if (state == LifecycleState.ACTIVE || state == LifecycleState.PENDING) {
                    List<Timer> toCancel = firing == null ? pending
                            : pending.stream().filter(t -> t.pk() != firing.pk()).toList();
                    transitions.suspend(tx, person, state, verdict.reason(), actor, sourceId, now,
                            row.onLeaveSince() != null, toCancel);
                    return LifecycleState.SUSPENDED;
                }
                if (tx.revocations().isRevoked(person.pk())) {
                    // the source terminated a person IT had revoked: from here on it is the source's termination
                    tx.revocations().clear(person.pk());
                    tx.audit().record(now, new AuditRecord(actor, "person.revocation.superseded", "person", person.id(),
                            null, AuditRecord.fields(Map.of("reason", verdict.reason()))));
                }
                if (state == LifecycleState.SUSPENDED && !verdict.reason().equals(row.stateReason())) {
                    transitions.regrace(tx, person, row.stateReason(), verdict.reason(), row.stateSince(), actor, sourceId, now);
                }
                return state;
            }
            case EMPLOYED -> {
                if ((state == LifecycleState.SUSPENDED || state == LifecycleState.DEPROVISIONED)
                        && tx.revocations().isRevoked(person.pk())) {
                    return state; // IT's revocation stands until the source itself terminates the person
                }
                if (state == LifecycleState.SUSPENDED || state == LifecycleState.DEPROVISIONED) {
                    transitions.reactivate(tx, person, state, reactivationReason, actor, sourceId, now);
                    return LifecycleState.ACTIVE;
                }
                Instant startsAt = verdict.startsAt();
                boolean future = startsAt != null && startsAt.isAfter(now);
                if (state == LifecycleState.ACTIVE && future && now.equals(row.createdAt())) {
                    transitions.pend(tx, person, startsAt, actor, sourceId, now);
                    return LifecycleState.PENDING;
                }
                if (state == LifecycleState.PENDING && !future) {
                    boolean came = startsAt != null && pending.stream()
                            .anyMatch(t -> t.kind() == TimerKind.ACTIVATE && t.dueAt().equals(startsAt));
                    transitions.activate(tx, person, came ? Transitions.HIRE_DATE : Transitions.HIRE_DATE_CHANGED, actor,
                            sourceId, now);
                    return LifecycleState.ACTIVE;
                }
                return state;
            }
            default -> {
                return state;
            }
        }
    }
}
