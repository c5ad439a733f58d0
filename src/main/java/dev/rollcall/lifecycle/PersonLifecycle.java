package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PersonWork;
import dev.rollcall.identity.Source;
import java.time.Instant;
import java.util.Map;

/**
 * What an account push means for its person's lifecycle, decided inside the push's transaction after
 * identity resolution: a termination by the authoritative source suspends the person (and schedules
 * its deprovision), the same source making it employed again reactivates it (rescind inside the grace,
 * rehire after deprovisioning). Pushes of other source kinds never change the lifecycle. A person IT
 * revoked stays suspended while the source still says "employed"; once the source itself terminates
 * it, the revocation is superseded and a later rescind by the source works as usual.
 */
public final class PersonLifecycle {
    private final CurrentAuthority authority;
    private final Transitions transitions;

    public PersonLifecycle(CurrentAuthority authority, GracePolicy grace) {
        this.authority = authority;
        this.transitions = new Transitions(grace);
    }

    /**
     * Applies the push of {@code source} that created, changed or ({@code deleted}) removed one of
     * the person's accounts; the account rows and golden record are already written.
     */
    public void accountChanged(LifecycleTx tx, Actor actor, Source source, long personPk, boolean deleted, Instant now) {
        AuthorityMatrix matrix = authority.get(tx.authority(), now);
        if (!Employment.isAuthoritative(source.kind(), matrix)) {
            return;
        }
        PersonWork person = new PersonWork(tx, personPk);
        LifecycleState state = person.row().state();
        if (person.provisional() || person.row().mergedIntoPk() != null || state == null) {
            return;
        }
        Employment.Verdict verdict = Employment.of(tx.accounts().linked(personPk), matrix, deleted);
        if (verdict.status() == Employment.Status.TERMINATED && state == LifecycleState.ACTIVE) {
            transitions.suspend(tx, person, verdict.reason(), actor, source.id(), now);
        } else if (verdict.status() == Employment.Status.TERMINATED && tx.revocations().isRevoked(person.pk())) {
            // the source terminated a person IT had revoked: from here on it is the source's termination
            tx.revocations().clear(person.pk());
            tx.audit().record(now, new AuditRecord(actor, "person.revocation.superseded", "person", person.id(), null,
                    AuditRecord.fields(Map.of("reason", verdict.reason()))));
        } else if (verdict.status() == Employment.Status.EMPLOYED
                && (state == LifecycleState.SUSPENDED || state == LifecycleState.DEPROVISIONED)
                && !tx.revocations().isRevoked(person.pk())) {
            transitions.reactivate(tx, person, state, actor, source.id(), now);
        }
    }

    /** Fires a leased timer in the caller's transaction; returns whether it changed the person. */
    boolean fire(LifecycleTx tx, Timer claimed, String owner, Actor actor, Instant now) {
        PersonWork person = new PersonWork(tx, claimed.personPk()); // person first, then timer: the order pushes lock in
        var timer = tx.timers().lockLeased(claimed.pk(), owner);
        if (timer.isEmpty()) {
            return false;
        }
        // a person rescinded, merged away or otherwise no longer suspended needs no deprovision any more
        boolean applies = timer.get().kind() == TimerKind.DEPROVISION && person.row().state() == LifecycleState.SUSPENDED
                && person.row().mergedIntoPk() == null;
        if (applies) {
            transitions.deprovision(tx, person, timer.get().reason(), actor, now);
        }
        tx.timers().finish(claimed.pk(), applies, now);
        return applies;
    }
}
