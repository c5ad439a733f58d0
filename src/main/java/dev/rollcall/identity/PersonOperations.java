package dev.rollcall.identity;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.EventPayload;
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
    private final MergeFollowUp followUp;

    PersonOperations(AccountResolution resolution) {
        this(resolution, MergeFollowUp.NONE);
    }

    PersonOperations(AccountResolution resolution, MergeFollowUp followUp) {
        this.resolution = resolution;
        this.followUp = followUp;
    }

    /** Moves every account of {@code mergedId} to {@code survivorId}; the survivor keeps its id. */
    Map<String, Object> merge(IdentityTx tx, Actor actor, String survivorId, String mergedId, Instant now) {
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
        if (survivor.provisional() && !merged.provisional()) {
            throw IdentityException.invalid("person " + survivorId + " is provisional (unresolved): merge it into "
                    + mergedId + " instead, or decide its match case");
        }
        List<LinkedAccount> moved = tx.accounts().linked(merged.pk());
        for (LinkedAccount a : moved) {
            tx.accounts().relink(a.pk(), survivor.pk());
        }
        tx.matching().moveWorkerLinks(merged.pk(), survivor.pk());
        tx.persons().markMerged(merged.pk(), survivor.pk(), now);
        // a case waiting on the merged (provisional) person is answered by the merge: linked to the survivor
        for (String caseId : tx.cases().openHeldBy(mergedId)) {
            tx.cases().close(caseId, "link", survivorId, actor.name(), now);
        }
        List<String> accountIds = moved.stream().map(LinkedAccount::id).toList();
        survivor.emit(new EventPayload.PersonMerged(survivor.id(), survivorId, mergedId, accountIds), null);
        merged.emit(new EventPayload.PersonMerged(merged.id(), survivorId, mergedId, accountIds), null);
        survivor.emitChanges(resolution.recompute(survivor, tx, now), null, "person.merged");
        merged.emitChanges(resolution.recompute(merged, tx, now), null, "person.merged");
        survivor.save(now);
        merged.save(now);
        followUp.merged(tx, actor, survivor.pk(), merged.pk(), now);
        for (LinkedAccount a : moved) {
            tx.cases().recordDecision(new MatchDecisionRecord(a.id(), a.source().id(), survivorId, MatchOutcome.MERGED, 0,
                    List.of(new Evidence("admin.merge", 0, "person " + mergedId + " merged into " + survivorId)),
                    List.of(), actor.name(), null, now));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("survivorId", survivorId);
        payload.put("mergedId", mergedId);
        payload.put("accountIds", accountIds);
        tx.audit().record(now, new AuditRecord(actor, "person.merge", "person", survivorId,
                AuditRecord.fields(Map.of("mergedId", mergedId)), AuditRecord.fields(payload)));
        return payload;
    }

    /** Takes one account off a person; it gets a new person of its own. Returns the new person's id. */
    String unmerge(IdentityTx tx, Actor actor, String personId, String accountId, Instant now) {
        PersonRef from = person(tx, personId);
        AccountLink link = tx.accounts().byId(accountId)
                .orElseThrow(() -> IdentityException.notFound("account " + accountId + " not found"));
        if (link.personPk() != from.pk()) {
            throw IdentityException.conflict("account " + accountId + " is not linked to person " + personId);
        }
        PersonWork old = new PersonWork(tx, from.pk());
        if (tx.accounts().linked(from.pk()).size() < 2) {
            throw IdentityException.conflict("account " + accountId + " is the only account of person " + personId);
        }
        PersonRef created = tx.persons().insert(now, false);
        PersonWork fresh = new PersonWork(tx, created.pk());
        tx.accounts().relink(link.accountPk(), created.pk());
        LinkedAccount account = tx.accounts().linked(created.pk()).get(0);
        String worker = Matcher.assertedWorkerId(account.source(), account.facts());
        boolean workerStays = worker != null && tx.accounts().linked(from.pk()).stream()
                .anyMatch(a -> worker.equals(Matcher.assertedWorkerId(a.source(), a.facts())));
        if (worker != null && !workerStays) {
            tx.matching().moveWorker(worker, created.pk());
        }
        resolution.recompute(fresh, tx, now);
        fresh.emitCreated(link.source().id(), "person.unmerged", null);
        old.emit(new EventPayload.PersonUnmerged(old.id(), personId, created.id(), accountId), link.source().id());
        old.emitChanges(resolution.recompute(old, tx, now), link.source().id(), "person.unmerged");
        old.save(now);
        fresh.save(now);
        tx.cases().recordDecision(new MatchDecisionRecord(accountId, link.source().id(), created.id(),
                MatchOutcome.UNMERGED, 0,
                List.of(new Evidence("admin.unmerge", 0, "account " + accountId + " taken off person " + personId)),
                List.of(), actor.name(), null, now));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fromPersonId", personId);
        payload.put("newPersonId", created.id());
        payload.put("accountId", accountId);
        tx.audit().record(now, new AuditRecord(actor, "person.unmerge", "person", personId,
                AuditRecord.fields(Map.of("accountId", accountId)), AuditRecord.fields(payload)));
        return created.id();
    }

    /** Applies an admin's decision on an open case. */
    void decide(IdentityTx tx, Actor actor, String caseId, CaseDecision decision, Instant now) {
        MatchCaseView c = tx.cases().lock(caseId).orElseThrow(() -> IdentityException.notFound("match case " + caseId + " not found"));
        if (!c.status().equals("open")) {
            throw IdentityException.conflict("match case " + caseId + " was already decided (" + c.decision() + ")");
        }
        AccountLink link = tx.accounts().byId(c.accountId()).orElse(null);
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
            if (link == null) {
                throw IdentityException.conflict("the account of case " + caseId + " no longer exists");
            }
            PersonWork holder = new PersonWork(tx, person(tx, c.holdingPersonId()).pk());
            if (holder.row().mergedIntoPk() != null) {
                throw IdentityException.conflict("the account of case " + caseId + " was merged into another person");
            }
            if (holder.provisional()) {
                holder.promote(now);
                holder.emitCreated(c.sourceId(), "match_case", caseId);
                holder.save(now);
            }
            outcome = MatchOutcome.NEW_PERSON_BY_ADMIN;
            name = "new_person";
        } else {
            outcome = MatchOutcome.IGNORED_BY_ADMIN;
            name = "ignore";
        }
        tx.cases().close(caseId, name, personId, actor.name(), now);
        tx.cases().recordDecision(new MatchDecisionRecord(c.accountId(), c.sourceId(), personId, outcome, c.score(),
                List.of(new Evidence("admin.decision", 0, name)), List.of(), actor.name(), caseId, now));
        tx.audit().record(now, new AuditRecord(actor, "match_case.decide", "match_case", caseId,
                AuditRecord.fields(Map.of("status", "open")),
                AuditRecord.fields(Map.of("decision", name, "personId", personId))));
    }

    private static PersonRef person(IdentityTx tx, String id) {
        return tx.persons().byId(id).orElseThrow(() -> IdentityException.notFound("person " + id + " not found"));
    }
}
