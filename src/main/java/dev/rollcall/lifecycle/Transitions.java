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
        Duration period = grace.graceFor(reason);
        Instant until = now.plus(period);
        tx.persons().changeState(person.pk(), LifecycleState.SUSPENDED, reason, now, until);
        tx.timers().schedule(person.pk(), TimerKind.DEPROVISION, reason, until, now);
        person.emit(new EventPayload.PersonSuspended(person.id(), reason, until.toString()), sourceId);
        person.save(now);
        Map<String, Object> after = state(LifecycleState.SUSPENDED, reason);
        after.put("graceUntil", until.toString());
        after.put("grace", period.toString());
        audit(tx, actor, "person.suspend", person, LifecycleState.ACTIVE, now, after);
    }

    /** SUSPENDED or DEPROVISIONED → ACTIVE (rescinded inside the grace, or a rehire); pending deprovisions are cancelled. */
    void reactivate(LifecycleTx tx, PersonWork person, LifecycleState from, Actor actor, Long sourceId, Instant now) {
        String reason = from == LifecycleState.DEPROVISIONED ? REHIRE : RESCINDED;
        int cancelled = tx.timers().cancelPending(person.pk(), TimerKind.DEPROVISION, now);
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
