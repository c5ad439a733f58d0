package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.EventPayload;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PersonWork;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lifecycle transitions of one locked person, each with its state row, its event in the person's
 * sequence and its audit record, in the caller's transaction.
 */
final class Transitions {
    static final String RESCINDED = "rescinded";
    static final String REHIRE = "rehire";

    private final GracePolicy grace;

    Transitions(GracePolicy grace) {
        this.grace = grace;
    }

    /** ACTIVE → SUSPENDED: access ends now; a deprovision timer is set for the end of the reason's grace. */
    void suspend(LifecycleTx tx, PersonWork person, String reason, Actor actor, Long sourceId, Instant now) {
        suspend(tx, person, reason, grace.graceFor(reason), "person.suspend", actor, sourceId, now);
    }

    /** ACTIVE → SUSPENDED by IT (a security incident): like a termination, and remembered as a revocation. */
    void revoke(LifecycleTx tx, PersonWork person, String reason, Duration period, Actor actor, Instant now) {
        tx.revocations().mark(person.pk(), actor.name(), reason, now);
        suspend(tx, person, reason, period, "person.revoke", actor, null, now);
    }

    private void suspend(LifecycleTx tx, PersonWork person, String reason, Duration period, String action, Actor actor,
                         Long sourceId, Instant now) {
        Instant until = now.plus(period);
        tx.persons().changeState(person.pk(), LifecycleState.SUSPENDED, reason, now, until);
        tx.timers().schedule(person.pk(), TimerKind.DEPROVISION, reason, until, now);
        person.emit(new EventPayload.PersonSuspended(person.id(), reason, until.toString()), sourceId);
        person.save(now);
        Map<String, Object> after = state(LifecycleState.SUSPENDED, reason);
        after.put("graceUntil", until.toString());
        after.put("grace", period.toString());
        audit(tx, actor, action, person, LifecycleState.ACTIVE, now, after);
    }

    /** SUSPENDED or DEPROVISIONED → ACTIVE (rescinded inside the grace, or a rehire); pending deprovisions are cancelled. */
    void reactivate(LifecycleTx tx, PersonWork person, LifecycleState from, Actor actor, Long sourceId, Instant now) {
        String reason = from == LifecycleState.DEPROVISIONED ? REHIRE : RESCINDED;
        int cancelled = tx.timers().cancelPending(person.pk(), TimerKind.DEPROVISION, now);
        tx.revocations().clear(person.pk());
        tx.persons().changeState(person.pk(), LifecycleState.ACTIVE, reason, now, null);
        person.emit(new EventPayload.PersonReactivated(person.id(), reason, from.wireName()), sourceId);
        person.save(now);
        Map<String, Object> after = state(LifecycleState.ACTIVE, reason);
        after.put("timersCancelled", cancelled);
        audit(tx, actor, "person.reactivate", person, from, now, after);
    }

    /** SUSPENDED → DEPROVISIONED: the grace ran out. */
    void deprovision(LifecycleTx tx, PersonWork person, String reason, Actor actor, Instant now) {
        tx.persons().changeState(person.pk(), LifecycleState.DEPROVISIONED, reason, now, null);
        person.emit(new EventPayload.PersonDeprovisioned(person.id(), reason), null);
        person.save(now);
        audit(tx, actor, "person.deprovision", person, LifecycleState.SUSPENDED, now,
                state(LifecycleState.DEPROVISIONED, reason));
    }

    /**
     * IT moves the deprovision deadline of a SUSPENDED person ({@code until} null: cancels it); the
     * pending timer moves with it (or one is scheduled when there was none).
     */
    void changeGrace(LifecycleTx tx, PersonWork person, Timer pending, String reason, Instant until, Actor actor,
                     String action, Instant now) {
        Instant before = pending == null ? null : pending.dueAt();
        if (until == null) {
            tx.timers().cancelPending(person.pk(), TimerKind.DEPROVISION, actor.name(), now);
        } else if (pending == null) {
            tx.timers().schedule(person.pk(), TimerKind.DEPROVISION, reason, until, now);
        } else {
            tx.timers().move(pending.pk(), until, actor.name(), now);
        }
        tx.persons().changeGrace(person.pk(), until);
        person.emit(new EventPayload.PersonGraceChanged(person.id(), reason, text(before), text(until)), null);
        person.save(now);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("state", LifecycleState.SUSPENDED.wireName());
        was.put("graceUntil", text(before));
        Map<String, Object> after = state(LifecycleState.SUSPENDED, reason);
        after.put("graceUntil", text(until));
        tx.audit().record(now, new AuditRecord(actor, action, "person", person.id(), AuditRecord.fields(was),
                AuditRecord.fields(after)));
    }

    /** SUSPENDED → DEPROVISIONED on IT's word, before the grace ran out: pending deprovisions are cancelled. */
    void deprovisionNow(LifecycleTx tx, PersonWork person, String reason, Actor actor, Instant now) {
        tx.timers().cancelPending(person.pk(), TimerKind.DEPROVISION, actor.name(), now);
        deprovision(tx, person, reason, actor, now);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static void audit(LifecycleTx tx, Actor actor, String action, PersonWork person, LifecycleState from,
                              Instant now, Map<String, Object> after) {
        tx.audit().record(now, new AuditRecord(actor, action, "person", person.id(), AuditRecord.fields(Map.of("state", from.wireName())),
                AuditRecord.fields(after)));
    }

    private static Map<String, Object> state(LifecycleState state, String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state.wireName());
        m.put("reason", reason);
        return m;
    }
}
