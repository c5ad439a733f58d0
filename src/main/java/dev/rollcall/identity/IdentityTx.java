package dev.rollcall.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything identity resolution reads and writes, bound to one database transaction. */
public interface IdentityTx extends MatchLookup {

    PersonRef insertPerson(Instant at, boolean provisional);

    /** Removes a person that was created in this transaction and never used (lost a race for a worker id). */
    void deletePerson(long pk);

    /** Locks a person row for the rest of the transaction. */
    PersonRow lockPerson(long pk);

    Optional<PersonRef> personById(String id);

    void savePerson(long pk, GoldenRecord golden, long eventSeq, Instant at);

    /** A provisional person becomes a real, active one. */
    void promote(long pk, Instant at);

    /** The person was merged into the survivor: it keeps its row (events name it) and holds no accounts. */
    void markMerged(long pk, long survivorPk, Instant at);

    List<LinkedAccount> linkedAccounts(long personPk);

    Optional<AccountLink> accountById(String accountId);

    void saveFacts(long accountPk, AccountFacts facts, boolean replacing);

    void saveKeys(long accountPk, Set<MatchKey> keys, boolean replacing);

    void relink(long accountPk, long personPk);

    /** Remembers that a worker id is this person's, unless it is already someone's. */
    void linkWorker(String workerId, long personPk, Instant at);

    /** Points a worker id at a person, whoever had it (merge, unmerge, admin link). */
    void moveWorker(String workerId, long personPk);

    void moveWorkerLinks(long fromPersonPk, long toPersonPk);

    void recordDecision(MatchDecisionRecord decision);

    /** Opens a case and returns its id. */
    String openCase(String accountId, long sourceId, String holdingPersonId, int score, List<MatchCandidate> candidates,
                    Instant at);

    Optional<MatchCaseView> lockCase(String caseId);

    /** Open cases whose account waits on this (provisional) person. */
    List<String> openCasesHeldBy(String personId);

    void closeCase(String caseId, String decision, String personId, String actor, Instant at);

    void appendEvents(Instant at, List<DomainEvent> events);

    void audit(Instant at, String actor, String action, String targetType, String targetId,
               Map<String, Object> before, Map<String, Object> after);

    Optional<AuthorityMatrix> storedAuthority();

    void saveAuthority(AuthorityMatrix matrix, String actor, Instant at);

    Optional<Source> sourceById(long sourceId);

    void setCorrelationAttribute(long sourceId, String attribute);
}
