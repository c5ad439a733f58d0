package dev.rollcall.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        MatchResult match = matcher.match(source, facts, tx);
        if (match.strength().links()) {
            return new Placement(match.person(), MatchOutcome.LINKED, match, false);
        }
        boolean create = source.mayCreatePersons();
        boolean candidate = match.strength() == MatchResult.Strength.CANDIDATE;
        PersonRef person = tx.insertPerson(now, candidate || !create);
        String worker = facts.workerId();
        if (worker != null && !worker.isBlank()) {
            // claim the worker id now: a concurrent push of the same worker that committed first wins
            tx.linkWorker(worker, person.pk(), now);
            PersonRef owner = tx.personOfWorker(worker).orElse(person);
            if (owner.pk() != person.pk()) {
                tx.deletePerson(person.pk());
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
        tx.saveFacts(accountPk, facts, false);
        tx.saveKeys(accountPk, matcher.keys().of(facts), false);
        PersonWork person = new PersonWork(tx, placement.person().pk());
        if (facts.workerId() != null && !facts.workerId().isBlank()) {
            tx.linkWorker(facts.workerId(), person.row().pk(), now);
        }
        boolean promote = person.row().provisional() && placement.outcome() == MatchOutcome.LINKED
                && source.mayCreatePersons();
        if (promote) {
            tx.promote(person.row().pk(), now);
        }
        List<AttributeChange> changes = person.recompute(computer, authority.get(tx, now), matcher.policy().managerRule(), now);
        boolean announce = (placement.personCreated() && placement.outcome() == MatchOutcome.NEW_PERSON) || promote;
        if (announce) {
            person.emit("person.created", source.id(), Map.of("golden", PersonWork.goldenMap(person.golden())));
        }
        String caseId = null;
        if (placement.outcome() == MatchOutcome.CASE) {
            caseId = tx.openCase(accountId, source.id(), person.id(), placement.match().score(),
                    placement.match().candidates(), now);
        }
        Map<String, Object> payload = accountPayload(source, accountId, PersonWork.changeList(changes));
        payload.put("resolution", resolution(placement, caseId));
        person.emit("account.created", source.id(), payload);
        if (!announce) {
            person.emitChanges(changes, source.id(), "account.created");
        }
        person.save(now);
        tx.recordDecision(new MatchDecisionRecord(accountId, source.id(), person.id(), placement.outcome(),
                placement.match().score(), placement.match().evidence(), placement.match().candidates(), actor, caseId, now));
    }

    public void changed(IdentityTx tx, Source source, long accountPk, String accountId, long personPk, AccountFacts facts,
                        Instant now) {
        tx.saveFacts(accountPk, facts, true);
        tx.saveKeys(accountPk, matcher.keys().of(facts), true);
        PersonWork person = new PersonWork(tx, personPk);
        if (facts.workerId() != null && !facts.workerId().isBlank()) {
            tx.linkWorker(facts.workerId(), personPk, now);
        }
        List<AttributeChange> changes = person.recompute(computer, authority.get(tx, now), matcher.policy().managerRule(), now);
        person.emit("account.updated", source.id(), accountPayload(source, accountId, PersonWork.changeList(changes)));
        person.emitChanges(changes, source.id(), "account.updated");
        person.save(now);
    }

    /** After the account row is gone: the golden record falls back to the remaining accounts. */
    public void deleted(IdentityTx tx, Source source, String accountId, long personPk, Instant now) {
        PersonWork person = new PersonWork(tx, personPk);
        List<AttributeChange> changes = person.recompute(computer, authority.get(tx, now), matcher.policy().managerRule(), now);
        person.emit("account.deleted", source.id(), accountPayload(source, accountId, PersonWork.changeList(changes)));
        person.emitChanges(changes, source.id(), "account.deleted");
        person.save(now);
    }

    /**
     * Recomputes a person's golden record (after a merge, an unmerge...) and emits person.updated with
     * what changed, unless {@code cause} is null (a person about to be announced as created).
     */
    List<AttributeChange> recompute(PersonWork person, Long sourceId, String cause, Instant now, IdentityTx tx) {
        List<AttributeChange> changes = person.recompute(computer, authority.get(tx, now), matcher.policy().managerRule(), now);
        if (cause != null) {
            person.emitChanges(changes, sourceId, cause);
        }
        return changes;
    }

    private static Map<String, Object> accountPayload(Source source, String accountId, Object changes) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("accountId", accountId);
        p.put("source", source.name());
        p.put("sourceKind", source.kind().wireName());
        p.put("changes", changes);
        return p;
    }

    private static Map<String, Object> resolution(Placement placement, String caseId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("outcome", placement.outcome().wireName());
        r.put("strength", placement.match().strength().name().toLowerCase(java.util.Locale.ROOT));
        r.put("score", placement.match().score());
        r.put("evidence", PersonWork.evidenceList(placement.match().evidence()));
        if (caseId != null) {
            r.put("caseId", caseId);
        }
        return r;
    }
}
