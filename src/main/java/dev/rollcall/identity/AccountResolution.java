package dev.rollcall.identity;

import dev.rollcall.events.EventPayload;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Resolution and golden-record upkeep for account writes, inside the writer's transaction. A new
 * account is placed in two steps: {@link #place} decides its person (so the account row can point
 * to it), {@link #created} stores its facts and keys and records everything that follows.
 */
public final class AccountResolution {
    private final Matcher matcher;
    private final GoldenComputer computer;
    private final CurrentAuthority authority;

    /** Where a new account goes, and why. */
    public record Placement(PersonRef person, MatchOutcome outcome, MatchResult match, boolean personCreated) {
    }

    public AccountResolution(Matcher matcher, GoldenComputer computer, CurrentAuthority authority) {
        this.matcher = matcher;
        this.computer = computer;
        this.authority = authority;
    }

    public Placement place(IdentityTx tx, Source source, AccountFacts facts, Instant now) {
        MatchResult match = matcher.match(source, facts, tx.matching());
        if (match.strength().links()) {
            return new Placement(match.person(), MatchOutcome.LINKED, match, false);
        }
        boolean create = source.mayCreatePersons();
        boolean candidate = match.strength() == MatchResult.Strength.CANDIDATE;
        PersonRef person = tx.persons().insert(now, candidate || !create);
        String worker = Matcher.assertedWorkerId(source, facts);
        if (worker != null) {
            // claim the worker id now: a concurrent push of the same worker that committed first wins
            tx.matching().linkWorker(worker, person.pk(), now);
            PersonRef owner = tx.matching().personOfWorker(worker).orElse(person);
            if (owner.pk() != person.pk()) {
                tx.persons().delete(person.pk());
                Evidence e = new Evidence("worker.id", 0, "worker id " + worker + " (claimed by a concurrent push)");
                return new Placement(owner, MatchOutcome.LINKED, new MatchResult(MatchResult.Strength.WORKER_ID, owner, 0,
                        List.of(), List.of(e)), false);
            }
        }
        MatchOutcome outcome = candidate ? MatchOutcome.CASE : create ? MatchOutcome.NEW_PERSON : MatchOutcome.UNRESOLVED;
        return new Placement(person, outcome, match, true);
    }

    public void created(IdentityTx tx, Source source, Placement placement, long accountPk, String accountId,
                        AccountFacts facts, String actor, Instant now) {
        tx.accounts().saveFacts(accountPk, facts, false);
        tx.matching().saveKeys(accountPk, matcher.keys().of(facts), false);
        PersonWork person = new PersonWork(tx, placement.person().pk());
        claimWorker(tx, source, facts, person.pk(), now);
        boolean promote = person.provisional() && placement.outcome() == MatchOutcome.LINKED && source.mayCreatePersons();
        if (promote) {
            person.promote(now);
        }
        List<AttributeChange> changes = recompute(person, tx, now);
        boolean announce = (placement.personCreated() && placement.outcome() == MatchOutcome.NEW_PERSON) || promote;
        if (announce) {
            person.emitCreated(source.id(), null, null);
        }
        String caseId = null;
        if (placement.outcome() == MatchOutcome.CASE) {
            caseId = tx.cases().open(accountId, source.id(), person.id(), placement.match().score(),
                    placement.match().candidates(), now);
        }
        person.emit(new EventPayload.AccountCreated(person.id(), accountId, source.name(), source.kind().wireName(),
                PersonWork.changeList(changes), resolution(placement, caseId)), source.id());
        if (!announce) {
            person.emitChanges(changes, source.id(), "account.created");
        }
        person.save(now);
        tx.cases().recordDecision(new MatchDecisionRecord(accountId, source.id(), person.id(), placement.outcome(),
                placement.match().score(), placement.match().evidence(), placement.match().candidates(), actor, caseId, now));
    }

    /**
     * A changed account stays with its person. Only an account parked on a provisional person (no
     * open case) is matched again, so that a later push carrying a worker id or better evidence
     * resolves it. Returns the person the account is linked to afterwards.
     */
    public PersonRef changed(IdentityTx tx, Source source, long accountPk, String accountId, long personPk,
                             AccountFacts facts, Instant now) {
        return changed(tx, source, accountPk, accountId, personPk, null, facts, now);
    }

    /**
     * As above, knowing the facts stored before ({@code previous}, null when unknown): match keys that
     * come out the same are not rewritten (a PATCH of a title or display name leaves them as they are).
     */
    public PersonRef changed(IdentityTx tx, Source source, long accountPk, String accountId, long personPk,
                             AccountFacts previous, AccountFacts facts, Instant now) {
        tx.accounts().saveFacts(accountPk, facts, true);
        PersonWork person = new PersonWork(tx, personPk);
        MatchResult rematch = null;
        boolean keysCleared = false;
        if (person.provisional() && tx.cases().openHeldBy(person.id()).isEmpty()) {
            tx.matching().saveKeys(accountPk, Set.of(), true); // its own keys must not match itself
            keysCleared = true;
            MatchResult m = matcher.match(source, facts, tx.matching());
            if (m.strength().links() && m.person().pk() != personPk) {
                rematch = m;
            }
        }
        Set<MatchKey> keys = matcher.keys().of(facts);
        if (keysCleared || previous == null || !keys.equals(matcher.keys().of(previous))) {
            tx.matching().saveKeys(accountPk, keys, true);
        }
        if (rematch != null) {
            return relinkParked(tx, source, accountPk, accountId, person, facts, rematch, now);
        }
        claimWorker(tx, source, facts, personPk, now);
        List<AttributeChange> changes = recompute(person, tx, now);
        person.emit(new EventPayload.AccountUpdated(person.id(), accountId, source.name(), source.kind().wireName(),
                PersonWork.changeList(changes)), source.id());
        person.emitChanges(changes, source.id(), "account.updated");
        person.save(now);
        return person.row().ref();
    }

    /**
     * Moves a parked account to the person it now matches. The provisional holder is merged away
     * unannounced once it holds nothing; while other accounts are still parked on it, it stays (with its
     * golden record recomputed from them), so that no account is ever left on a merged person.
     */
    private PersonRef relinkParked(IdentityTx tx, Source source, long accountPk, String accountId, PersonWork holder,
                                   AccountFacts facts, MatchResult match, Instant now) {
        tx.accounts().relink(accountPk, match.person().pk());
        if (tx.accounts().linked(holder.pk()).isEmpty()) {
            tx.matching().moveWorkerLinks(holder.pk(), match.person().pk());
            tx.persons().markMerged(holder.pk(), match.person().pk(), now);
        } else {
            recompute(holder, tx, now);
            holder.save(now);
        }
        PersonWork target = new PersonWork(tx, match.person().pk());
        claimWorker(tx, source, facts, target.pk(), now);
        List<AttributeChange> changes = recompute(target, tx, now);
        Placement placement = new Placement(match.person(), MatchOutcome.LINKED, match, false);
        target.emit(new EventPayload.AccountLinked(target.id(), accountId, source.name(), source.kind().wireName(),
                PersonWork.changeList(changes), resolution(placement, null)), source.id());
        target.emitChanges(changes, source.id(), "account.linked");
        target.save(now);
        tx.cases().recordDecision(new MatchDecisionRecord(accountId, source.id(), target.id(), MatchOutcome.LINKED,
                match.score(), match.evidence(), match.candidates(), "resolution", null, now));
        return target.row().ref();
    }

    /** After the account row is gone: the golden record falls back to the remaining accounts. */
    public void deleted(IdentityTx tx, Source source, String accountId, long personPk, Instant now) {
        PersonWork person = new PersonWork(tx, personPk);
        List<AttributeChange> changes = recompute(person, tx, now);
        person.emit(new EventPayload.AccountDeleted(person.id(), accountId, source.name(), source.kind().wireName(),
                PersonWork.changeList(changes)), source.id());
        person.emitChanges(changes, source.id(), "account.deleted");
        person.save(now);
    }

    /** Recomputes a person's golden record from its linked accounts with the matrix in force. */
    List<AttributeChange> recompute(PersonWork person, IdentityTx tx, Instant now) {
        return person.recompute(computer, authority.get(tx.authority(), now), matcher.policy().managerRule(), now);
    }

    /** Remembers the worker id for the person, when the source may assert it; else it claims nothing. */
    private static void claimWorker(IdentityTx tx, Source source, AccountFacts facts, long personPk, Instant now) {
        String worker = Matcher.assertedWorkerId(source, facts);
        if (worker != null) {
            tx.matching().linkWorker(worker, personPk, now);
        }
    }

    private static EventPayload.Resolution resolution(Placement placement, String caseId) {
        MatchResult m = placement.match();
        return new EventPayload.Resolution(placement.outcome().wireName(), m.strength().name().toLowerCase(Locale.ROOT),
                m.score(), PersonWork.evidenceList(m.evidence()), caseId);
    }
}
