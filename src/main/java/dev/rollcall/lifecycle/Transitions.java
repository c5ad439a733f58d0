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
    static final String MERGED = "merged";
    static final String FUTURE_HIRE = "future_hire";
    static final String HIRE_DATE = "hire_date";
    static final String HIRE_DATE_CHANGED = "hire_date_changed";

    private final GracePolicy grace;

    Transitions(GracePolicy grace) {
        this.grace = grace;
    }

    /**
     * ACTIVE or PENDING → SUSPENDED: access ends now (a leave ends with it, silently: the suspension says
     * more); a deprovision timer is set for the end of the reason's grace; dated steps are cancelled.
     */
    void suspend(LifecycleTx tx, PersonWork person, LifecycleState from, String reason, Actor actor, Long sourceId,
                 Instant now) {
        Duration period = grace.graceFor(reason);
        Instant until = now.plus(period);
        tx.persons().changeState(person.pk(), LifecycleState.SUSPENDED, reason, now, until);
        tx.lifecycleRows().setOnLeave(person.pk(), null);
        tx.timers().cancelPending(person.pk(), TimerKind.ACTIVATE, now);
        tx.timers().cancelPending(person.pk(), TimerKind.TERMINATE, now);
        tx.timers().schedule(person.pk(), TimerKind.DEPROVISION, reason, until, now);
        person.emit(new EventPayload.PersonSuspended(person.id(), reason, until.toString()), sourceId);
        person.save(now);
        Map<String, Object> after = state(LifecycleState.SUSPENDED, reason);
        after.put("graceUntil", until.toString());
        after.put("grace", period.toString());
        audit(tx, actor, "person.suspend", person, from, now, after);
    }

    /**
     * SUSPENDED, with a changed termination reason: the deprovision moves to the new reason's grace,
     * counted from the original suspension ({@code since}); already over, it is due at once.
     */
    void regrace(LifecycleTx tx, PersonWork person, String oldReason, String reason, Instant since, Actor actor,
                 Long sourceId, Instant now) {
        Duration period = grace.graceFor(reason);
        Instant until = since.plus(period);
        tx.persons().changeState(person.pk(), LifecycleState.SUSPENDED, reason, since, until);
        tx.timers().cancelPending(person.pk(), TimerKind.DEPROVISION, now);
        tx.timers().schedule(person.pk(), TimerKind.DEPROVISION, reason, until, now);
        person.emit(new EventPayload.PersonGraceChanged(person.id(), reason, until.toString(), "termination_reason_changed"),
                sourceId);
        person.save(now);
        Map<String, Object> before = state(LifecycleState.SUSPENDED, oldReason);
        Map<String, Object> after = state(LifecycleState.SUSPENDED, reason);
        after.put("graceUntil", until.toString());
        after.put("grace", period.toString());
        tx.audit().record(now, new AuditRecord(actor, "person.regrace", "person", person.id(), AuditRecord.fields(before),
                AuditRecord.fields(after)));
    }

    /** ACTIVE (a person created by this push) → PENDING: provisioned downstream now, active from {@code startsAt}. */
    void pend(LifecycleTx tx, PersonWork person, Instant startsAt, Actor actor, Long sourceId, Instant now) {
        tx.persons().changeState(person.pk(), LifecycleState.PENDING, FUTURE_HIRE, now, null);
        person.emit(new EventPayload.PersonProvisioned(person.id(), startsAt.toString()), sourceId);
        person.save(now);
        Map<String, Object> after = state(LifecycleState.PENDING, FUTURE_HIRE);
        after.put("startsAt", startsAt.toString());
        audit(tx, actor, "person.provision", person, LifecycleState.ACTIVE, now, after);
    }

    /** PENDING → ACTIVE: the hire date came ({@code hire_date}) or moved to the past or away ({@code hire_date_changed}). */
    void activate(LifecycleTx tx, PersonWork person, String reason, Actor actor, Long sourceId, Instant now) {
        tx.timers().cancelPending(person.pk(), TimerKind.ACTIVATE, now);
        tx.persons().changeState(person.pk(), LifecycleState.ACTIVE, reason, now, null);
        person.emit(new EventPayload.PersonActivated(person.id(), reason), sourceId);
        person.save(now);
        audit(tx, actor, "person.activate", person, LifecycleState.PENDING, now, state(LifecycleState.ACTIVE, reason));
    }

    /** The (active) person goes on leave ({@code since} non-null) or comes back (null); nothing else changes. */
    void leave(LifecycleTx tx, PersonWork person, boolean onLeave, Actor actor, Long sourceId, Instant now) {
        tx.lifecycleRows().setOnLeave(person.pk(), onLeave ? now : null);
        person.emit(onLeave ? new EventPayload.PersonLeaveStarted(person.id()) : new EventPayload.PersonLeaveEnded(person.id()),
                sourceId);
        person.save(now);
        tx.audit().record(now, new AuditRecord(actor, onLeave ? "person.leave_start" : "person.leave_end", "person",
                person.id(), AuditRecord.fields(Map.of("onLeave", !onLeave)), AuditRecord.fields(Map.of("onLeave", onLeave))));
    }

    /**
     * SUSPENDED or DEPROVISIONED → ACTIVE (rescinded inside the grace, or a rehire, unless {@code why}
     * names another reason such as {@code merged}); pending deprovisions are cancelled.
     */
    void reactivate(LifecycleTx tx, PersonWork person, LifecycleState from, String why, Actor actor, Long sourceId,
                    Instant now) {
        String reason = why != null ? why : from == LifecycleState.DEPROVISIONED ? REHIRE : RESCINDED;
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
