package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.PersonWork;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import java.time.Instant;
import java.util.List;

/**
 * What an account push means for its person's lifecycle, decided inside the push's transaction after
 * identity resolution: a termination by the authoritative source suspends the person (and schedules
 * its deprovision), the same source making it employed again reactivates it (rescind inside the grace,
 * rehire after deprovisioning); a future hire date makes a new person pending, dates ahead become
 * timers, leave is marked. Pushes of other source kinds never change the employment lifecycle; any
 * push may start a manager grace or a CRM persona's transfer grace. A person IT revoked stays suspended
 * while the source still says "employed"; once the source itself terminates it, the revocation is
 * superseded and a later rescind by the source works as usual.
 */
public final class PersonLifecycle {
    private final CurrentAuthority authority;
    private final Transitions transitions;
    private final EmploymentStep employment;
    private final CrmTransfers crm;
    private final LifecycleOptions options;

    /** With the default options (LifecycleOptions.defaults()). */
    public PersonLifecycle(CurrentAuthority authority, GracePolicy grace) {
        this(authority, grace, LifecycleOptions.defaults());
    }

    public PersonLifecycle(CurrentAuthority authority, GracePolicy grace, LifecycleOptions options) {
        this.authority = authority;
        this.transitions = new Transitions(grace);
        this.employment = new EmploymentStep(transitions);
        this.crm = new CrmTransfers(options.crmTransferGrace());
        this.options = options;
    }

    /**
     * Applies the push of {@code source} that created, changed or ({@code deleted}) removed one of
     * the person's accounts; the account rows and golden record are already written.
     */
    public void accountChanged(LifecycleTx tx, Actor actor, Source source, long personPk, boolean deleted, Instant now) {
        PersonWork person = new PersonWork(tx, personPk);
        if (person.row().mergedIntoPk() != null) {
            return;
        }
        ManagerGrace.keepTimer(tx, person, now); // any source may name the manager
        if (source.kind() == SourceKind.CRM) {
            crm.sync(tx, person, actor, source.id(), now);
        }
        AuthorityMatrix matrix = authority.get(tx.authority(), now);
        if (!Employment.isAuthoritative(source.kind(), matrix)) {
            return;
        }
        employmentStep(tx, person, matrix, deleted, actor, source.id(), now, null, null);
    }

    /**
     * The person-level lifecycle step without a push (after a merge moved accounts onto the person):
     * the employment verdict of all its accounts applied, the manager grace timer and the CRM personas
     * kept in step.
     */
    public void reevaluate(LifecycleTx tx, Actor actor, long personPk, Long sourceId, Instant now) {
        PersonWork person = new PersonWork(tx, personPk);
        if (person.row().mergedIntoPk() != null) {
            return;
        }
        ManagerGrace.keepTimer(tx, person, now);
        crm.sync(tx, person, actor, sourceId, now);
        employmentStep(tx, person, authority.get(tx.authority(), now), false, actor, sourceId, now, null, null);
    }

    /**
     * A merge moved every account of {@code mergedPk} onto {@code survivorPk} (both locked, in the merge's
     * transaction): the merged person's pending timers are cancelled (it no longer exists downstream),
     * its CRM persona rows go to the survivor, and the survivor is re-evaluated from all its accounts as
     * after a push of the employment authority; a reactivation this causes has reason {@code merged}.
     */
    public void merged(LifecycleTx tx, Actor actor, long survivorPk, long mergedPk, Instant now) {
        for (TimerKind kind : TimerKind.values()) {
            tx.timers().cancelPending(mergedPk, kind, now);
        }
        for (CrmPersona row : tx.lifecycleRows().crmPersonas(mergedPk, List.of())) {
            if (row.personPk() == mergedPk) {
                tx.lifecycleRows().saveCrmPersona(row.with(survivorPk, row.status(), row.cause(), row.graceUntil()), now);
            }
        }
        PersonWork person = new PersonWork(tx, survivorPk);
        ManagerGrace.keepTimer(tx, person, now);
        crm.sync(tx, person, actor, null, now);
        employmentStep(tx, person, authority.get(tx.authority(), now), false, actor, null, now, Transitions.MERGED,
                null);
    }

    /**
     * {@code reactivationReason}: why a reactivation this causes happens, null for rescinded/rehire;
     * {@code firing}: the timer being fired (finished by {@link #fire}), null for a push.
     */
    private boolean employmentStep(LifecycleTx tx, PersonWork person, AuthorityMatrix matrix, boolean deleted, Actor actor,
                                   Long sourceId, Instant now, String reactivationReason, Timer firing) {
        if (person.provisional() || person.row().state() == null) {
            return false;
        }
        Employment.Verdict verdict = new Employment(matrix, id -> tx.lifecycleRows().sourceZone(id)
                .orElse(options.sourceZone()), now).of(tx.accounts().linked(person.pk()), deleted);
        return employment.apply(tx, person, verdict, actor, sourceId, now, reactivationReason, firing);
    }

    /** Fires a leased timer in the caller's transaction; returns whether it changed the person. */
    boolean fire(LifecycleTx tx, Timer claimed, String owner, Actor actor, Instant now) {
        PersonWork person = new PersonWork(tx, claimed.personPk()); // person first, then timer: the order pushes lock in
        var timer = tx.timers().lockLeased(claimed.pk(), owner);
        if (timer.isEmpty()) {
            return false;
        }
        boolean applies = person.row().mergedIntoPk() == null && switch (timer.get().kind()) {
            case DEPROVISION -> deprovision(tx, person, timer.get(), actor, now);
            case MANAGER_GRACE_END -> ManagerGrace.end(tx, person, actor, now);
            case ACTIVATE, TERMINATE -> employmentStep(tx, person, authority.get(tx.authority(), now), false, actor, null, now,
                    null, timer.get());
            case PERSONA_END -> crm.end(tx, person, actor, now);
        };
        tx.timers().finish(claimed.pk(), applies, now);
        return applies;
    }

    /** A person rescinded, merged away or otherwise no longer suspended needs no deprovision any more. */
    private boolean deprovision(LifecycleTx tx, PersonWork person, Timer timer, Actor actor, Instant now) {
        if (person.row().state() != LifecycleState.SUSPENDED) {
            return false;
        }
        transitions.deprovision(tx, person, timer.reason(), actor, now);
        return true;
    }
}
