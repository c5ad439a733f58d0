package dev.rollcall.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin changes to who is whom, each in the caller's transaction with its events, match decision
 * and audit record: merge two persons, unmerge an account, decide a match case. Merge and unmerge
 * undo each other: an unmerged account gets a new person; merging that person back restores the link.
 */
final class PersonOperations {
    private final AccountResolution resolution;

    PersonOperations(AccountResolution resolution) {
        this.resolution = resolution;
    }

    /** Moves every account of {@code mergedId} to {@code survivorId}; the survivor keeps its id. */
    Map<String, Object> merge(IdentityTx tx, String actor, String survivorId, String mergedId, Instant now) {
        if (survivorId.equals(mergedId)) {
            throw IdentityException.invalid("a person cannot be merged into itself");
        }
        PersonRef survivorRef = person(tx, survivorId);
        PersonRef mergedRef = person(tx, mergedId);
        // lock in pk order so two opposite merges cannot deadlock
        boolean survivorFirst = survivorRef.pk() < mergedRef.pk();
        PersonWork first = new PersonWork(tx, survivorFirst ? survivorRef.pk() : mergedRef.pk());
        PersonWork second = new PersonWork(tx, survivorFirst ? mergedRef.pk() : survivorRef.pk());
        PersonWork survivor = survivorFirst ? first : second;
        PersonWork merged = survivorFirst ? second : first;
        if (merged.row().mergedIntoPk() != null || survivor.row().mergedIntoPk() != null) {
            throw IdentityException.conflict("person " + (merged.row().mergedIntoPk() != null ? mergedId : survivorId)
                    + " was already merged into another person");
        }
        List<LinkedAccount> moved = tx.linkedAccounts(merged.row().pk());
        for (LinkedAccount a : moved) {
            tx.relink(a.pk(), survivor.row().pk());
        }
        tx.moveWorkerLinks(merged.row().pk(), survivor.row().pk());
        tx.markMerged(merged.row().pk(), survivor.row().pk(), now);
        if (survivor.row().provisional() && !merged.row().provisional()) {
            tx.promote(survivor.row().pk(), now);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("survivorId", survivorId);
        payload.put("mergedId", mergedId);
        payload.put("accountIds", moved.stream().map(LinkedAccount::id).toList());
        survivor.emit("person.merged", null, payload);
        merged.emit("person.merged", null, payload);
        resolution.recompute(survivor, null, "person.merged", now, tx);
        resolution.recompute(merged, null, "person.merged", now, tx);
        survivor.save(now);
        merged.save(now);
        for (LinkedAccount a : moved) {
            tx.recordDecision(new MatchDecisionRecord(a.id(), a.source().id(), survivorId, MatchOutcome.MERGED, 0,
                    List.of(new Evidence("admin.merge", 0, "person " + mergedId + " merged into " + survivorId)),
                    List.of(), actor, null, now));
        }
        tx.audit(now, actor, "person.merge", "person", survivorId, Map.of("mergedId", mergedId), payload);
        return payload;
    }

    /** Takes one account off a person; it gets a new person of its own. Returns the new person's id. */
    String unmerge(IdentityTx tx, String actor, String personId, String accountId, Instant now) {
        PersonRef from = person(tx, personId);
        AccountLink link = tx.accountById(accountId)
                .orElseThrow(() -> IdentityException.notFound("account " + accountId + " not found"));
        if (link.personPk() != from.pk()) {
            throw IdentityException.conflict("account " + accountId + " is not linked to person " + personId);
        }
        PersonWork old = new PersonWork(tx, from.pk());
        if (tx.linkedAccounts(from.pk()).size() < 2) {
            throw IdentityException.conflict("account " + accountId + " is the only account of person " + personId);
        }
        PersonRef created = tx.insertPerson(now, false);
        PersonWork fresh = new PersonWork(tx, created.pk());
        tx.relink(link.accountPk(), created.pk());
        LinkedAccount account = tx.linkedAccounts(created.pk()).get(0);
        String worker = account.facts().workerId();
        boolean workerStays = worker != null && tx.linkedAccounts(from.pk()).stream()
                .anyMatch(a -> worker.equals(a.facts().workerId()));
        if (worker != null && !workerStays) {
            tx.moveWorker(worker, created.pk());
        }
        resolution.recompute(fresh, null, null, now, tx);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fromPersonId", personId);
        payload.put("newPersonId", created.id());
        payload.put("accountId", accountId);
        fresh.emit("person.created", link.source().id(), Map.of("golden", PersonWork.goldenMap(fresh.golden()),
                "cause", "person.unmerged"));
        old.emit("person.unmerged", link.source().id(), payload);
        resolution.recompute(old, null, "person.unmerged", now, tx);
        old.save(now);
        fresh.save(now);
        tx.recordDecision(new MatchDecisionRecord(accountId, link.source().id(), created.id(), MatchOutcome.UNMERGED, 0,
                List.of(new Evidence("admin.unmerge", 0, "account " + accountId + " taken off person " + personId)),
                List.of(), actor, null, now));
        tx.audit(now, actor, "person.unmerge", "person", personId, Map.of("accountId", accountId), payload);
        return created.id();
    }

    /** Applies an admin's decision on an open case. */
    void decide(IdentityTx tx, String actor, String caseId, CaseDecision decision, Instant now) {
        MatchCaseView c = tx.lockCase(caseId).orElseThrow(() -> IdentityException.notFound("match case " + caseId + " not found"));
        if (!c.status().equals("open")) {
            throw IdentityException.conflict("match case " + caseId + " was already decided (" + c.decision() + ")");
        }
        AccountLink link = tx.accountById(c.accountId()).orElse(null);
        String personId = c.holdingPersonId();
        MatchOutcome outcome;
        String name;
        if (decision instanceof CaseDecision.LinkTo to) {
            person(tx, to.personId());
            if (link == null) {
                throw IdentityException.conflict("the account of case " + caseId + " no longer exists");
            }
            merge(tx, actor, to.personId(), c.holdingPersonId(), now);
            personId = to.personId();
            outcome = MatchOutcome.LINKED_BY_ADMIN;
            name = "link";
        } else if (decision instanceof CaseDecision.NewPerson) {
            PersonWork holder = new PersonWork(tx, person(tx, c.holdingPersonId()).pk());
            if (holder.row().provisional()) {
                tx.promote(holder.row().pk(), now);
                holder.emit("person.created", c.sourceId(), Map.of("golden", PersonWork.goldenMap(holder.golden()),
                        "cause", "match_case", "caseId", caseId));
                holder.save(now);
            }
            outcome = MatchOutcome.NEW_PERSON_BY_ADMIN;
            name = "new_person";
        } else {
            outcome = MatchOutcome.IGNORED_BY_ADMIN;
            name = "ignore";
        }
        tx.closeCase(caseId, name, personId, actor, now);
        tx.recordDecision(new MatchDecisionRecord(c.accountId(), c.sourceId(), personId, outcome, c.score(),
                List.of(new Evidence("admin.decision", 0, name)), List.of(), actor, caseId, now));
        tx.audit(now, actor, "match_case.decide", "match_case", caseId, Map.of("status", "open"),
                Map.of("decision", name, "personId", personId));
    }

    private static PersonRef person(IdentityTx tx, String id) {
        return tx.personById(id).orElseThrow(() -> IdentityException.notFound("person " + id + " not found"));
    }
}
