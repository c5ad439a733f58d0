package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.EventPayload;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PersonWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The dated steps a suspension cancels. */
    static final Set<TimerKind> DATED = Collections.unmodifiableSet(EnumSet.of(TimerKind.ACTIVATE, TimerKind.TERMINATE));

    private final GracePolicy grace;

    Transitions(GracePolicy grace) {
        this.grace = grace;
    }

    /**
     * ACTIVE or PENDING → SUSPENDED: access ends now (a leave ends with it, silently: the suspension says
     * more); a deprovision timer is set for the end of the reason's grace; dated steps are cancelled.
     * {@code onLeave} and {@code pending} (the person's pending timers, read in this transaction) say
     * what there is to clear, so that nothing is written when there is nothing to change.
     */
    void suspend(LifecycleTx tx, PersonWork person, LifecycleState from, String reason, Actor actor, Long sourceId,
                 Instant now, boolean onLeave, List<Timer> pending) {
        Set<TimerKind> dated = EnumSet.noneOf(TimerKind.class);
        pending.stream().map(Timer::kind).filter(DATED::contains).forEach(dated::add);
        suspend(tx, person, from, reason, grace.graceFor(reason), "person.suspend", actor, sourceId, now, onLeave, dated);
    }

    /** ACTIVE → SUSPENDED by IT (a security incident): like a termination, and remembered as a revocation. */
    void revoke(LifecycleTx tx, PersonWork person, String reason, Duration period, Actor actor, Instant now) {
        tx.revocations().mark(person.pk(), actor.name(), reason, now);
        suspend(tx, person, person.row().state(), reason, period, "person.revoke", actor, null, now, true, DATED);
    }

    private void suspend(LifecycleTx tx, PersonWork person, LifecycleState from, String reason, Duration period,
                         String action, Actor actor, Long sourceId, Instant now, boolean clearLeave,
                         Set<TimerKind> cancel) {
        Instant until = now.plus(period);
        tx.persons().changeState(person.pk(), LifecycleState.SUSPENDED, reason, now, until);
        if (clearLeave) {
            tx.lifecycleRows().setOnLeave(person.pk(), null);
        }
        if (!cancel.isEmpty()) {
            tx.timers().cancelPending(person.pk(), cancel, now);
        }
        tx.timers().schedule(person.pk(), TimerKind.DEPROVISION, reason, until, now);
        person.emit(new EventPayload.PersonSuspended(person.id(), reason, until.toString()), sourceId);
        person.save(now);
        Map<String, Object> after = state(LifecycleState.SUSPENDED, reason);
        after.put("graceUntil", until.toString());
        after.put("grace", period.toString());
        audit(tx, actor, action, person, from, now, after);
    }

    /**
     * SUSPENDED, with a changed termination reason: the deprovision moves to the new reason's grace,
     * counted from the original suspension ({@code since}); already over, it is due at once.
     */
    void regrace(LifecycleTx tx, PersonWork person, String oldReason, String reason, Instant since, Actor actor,
                 Long sourceId, Instant now) {
        Duration period = grace.graceFor(reason);
        Instant until = since.plus(period);
        Instant before = tx.timers().pending(person.pk()).stream().filter(t -> t.kind() == TimerKind.DEPROVISION)
                .map(Timer::dueAt).findFirst().orElse(null);
        tx.persons().changeState(person.pk(), LifecycleState.SUSPENDED, reason, since, until);
        tx.timers().cancelPending(person.pk(), TimerKind.DEPROVISION, now);
        tx.timers().schedule(person.pk(), TimerKind.DEPROVISION, reason, until, now);
        person.emit(new EventPayload.PersonGraceChanged(person.id(), reason, text(before), until.toString(),
                "termination_reason_changed"), sourceId);
        person.save(now);
        Map<String, Object> was = state(LifecycleState.SUSPENDED, oldReason);
        was.put("graceUntil", text(before));
        Map<String, Object> after = state(LifecycleState.SUSPENDED, reason);
        after.put("graceUntil", until.toString());
        after.put("grace", period.toString());
        tx.audit().record(now, new AuditRecord(actor, "person.regrace", "person", person.id(), AuditRecord.fields(was),
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
        person.emit(new EventPayload.PersonGraceChanged(person.id(), reason, text(before), text(until), cause(before, until)),
                null);
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

    /** Why IT's change moved the deadline, as person.grace_changed says it. */
    private static String cause(Instant before, Instant until) {
        if (until == null) {
            return "cancelled";
        }
        if (before == null) {
            return "scheduled";
        }
        return until.isAfter(before) ? "extended" : "shortened";
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
