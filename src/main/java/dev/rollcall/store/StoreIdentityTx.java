package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.PERSON;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.AccountLink;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.DomainEvent;
import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.IdentityTx;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.MatchCandidate;
import dev.rollcall.identity.MatchCaseView;
import dev.rollcall.identity.MatchDecisionRecord;
import dev.rollcall.identity.MatchKey;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.PersonRow;
import dev.rollcall.identity.Source;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** The identity domain's view of one jOOQ transaction; each group of operations lives in its own rows class. */
final class StoreIdentityTx implements IdentityTx {
    private final DSLContext tx;
    private final ObjectMapper json;
    private final PersonRows persons;
    private final AccountFactRows accounts;
    private final MatchRows matches;
    private final CaseRows cases;
    private final AuthorityRows authority;
    private final EventStore events;
    private final AuditStore audit;

    StoreIdentityTx(DSLContext tx, ObjectMapper json, PersonStore personStore, FactsJson facts, CaseRows cases,
                    AuthorityRows authority, EventStore events, AuditStore audit) {
        this.tx = tx;
        this.json = json;
        this.persons = new PersonRows(tx, personStore);
        this.accounts = new AccountFactRows(tx, facts);
        this.matches = new MatchRows(tx, personStore);
        this.cases = cases;
        this.authority = authority;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public Optional<PersonRef> personOfWorker(String workerId) {
        return matches.personOfWorker(workerId);
    }

    @Override
    public List<KeyHit> hits(Collection<MatchKey> keys, int limit) {
        return matches.hits(keys, limit);
    }

    @Override
    public Map<Long, GoldenRecord> goldenOf(Set<Long> personPks) {
        return matches.goldenOf(personPks);
    }

    @Override
    public Optional<String> correlationAttribute(long sourceId) {
        return matches.correlationAttribute(sourceId);
    }

    @Override
    public PersonRef insertPerson(Instant at, boolean provisional) {
        return persons.insert(at, provisional);
    }

    @Override
    public void deletePerson(long pk) {
        tx.deleteFrom(PERSON).where(PERSON.PK.eq(pk)).execute();
    }

    @Override
    public PersonRow lockPerson(long pk) {
        return persons.lock(pk);
    }

    @Override
    public Optional<PersonRef> personById(String id) {
        return persons.byId(id);
    }

    @Override
    public void savePerson(long pk, GoldenRecord golden, long eventSeq, Instant at) {
        persons.save(pk, golden, eventSeq, at);
    }

    @Override
    public void promote(long pk, Instant at) {
        persons.promote(pk, at);
    }

    @Override
    public void markMerged(long pk, long survivorPk, Instant at) {
        persons.markMerged(pk, survivorPk, at);
    }

    @Override
    public List<LinkedAccount> linkedAccounts(long personPk) {
        return accounts.linked(personPk);
    }

    @Override
    public Optional<AccountLink> accountById(String accountId) {
        return accounts.byId(accountId);
    }

    @Override
    public void saveFacts(long accountPk, AccountFacts facts, boolean replacing) {
        accounts.saveFacts(accountPk, facts, replacing);
    }

    @Override
    public void saveKeys(long accountPk, Set<MatchKey> keys, boolean replacing) {
        accounts.saveKeys(accountPk, keys, replacing);
    }

    @Override
    public void relink(long accountPk, long personPk) {
        accounts.relink(accountPk, personPk);
    }

    @Override
    public void linkWorker(String workerId, long personPk, Instant at) {
        matches.linkWorker(workerId, personPk, at);
    }

    @Override
    public void moveWorker(String workerId, long personPk) {
        matches.moveWorker(workerId, personPk);
    }

    @Override
    public void moveWorkerLinks(long fromPersonPk, long toPersonPk) {
        matches.moveWorkerLinks(fromPersonPk, toPersonPk);
    }

    @Override
    public void recordDecision(MatchDecisionRecord decision) {
        cases.recordDecision(tx, decision);
    }

    @Override
    public String openCase(String accountId, long sourceId, String holdingPersonId, int score,
                           List<MatchCandidate> candidates, Instant at) {
        return cases.open(tx, accountId, sourceId, holdingPersonId, score, candidates, at);
    }

    @Override
    public Optional<MatchCaseView> lockCase(String caseId) {
        return cases.lock(tx, caseId);
    }

    @Override
    public List<String> openCasesHeldBy(String personId) {
        return cases.openHeldBy(tx, personId);
    }

    @Override
    public void closeCase(String caseId, String decision, String personId, String actor, Instant at) {
        cases.close(tx, caseId, decision, personId, actor, at);
    }

    @Override
    public void appendEvents(Instant at, List<DomainEvent> list) {
        events.append(tx, at, list.stream().map(e -> new EventStore.NewEvent(e.type(), e.personId(), e.personSeq(), null,
                e.sourceId(), json.valueToTree(e.payload()).toString())).toList());
    }

    @Override
    public void audit(Instant at, String actor, String action, String targetType, String targetId,
                      Map<String, Object> before, Map<String, Object> after) {
        audit.append(tx, at, new AuditStore.Entry(actor, action, targetType, targetId,
                before == null ? null : json.valueToTree(before).toString(),
                after == null ? null : json.valueToTree(after).toString(), null));
    }

    @Override
    public Optional<AuthorityMatrix> storedAuthority() {
        return authority.load(tx);
    }

    @Override
    public void saveAuthority(AuthorityMatrix matrix, String actor, Instant at) {
        authority.save(tx, matrix, actor, at);
    }

    @Override
    public Optional<Source> sourceById(long sourceId) {
        return new SourceStore().byId(tx, sourceId);
    }

    @Override
    public void setCorrelationAttribute(long sourceId, String attribute) {
        matches.setCorrelationAttribute(sourceId, attribute);
    }
}
