package dev.rollcall.identity;

import java.time.Instant;
import java.util.Set;

/** The match keys and worker links that resolution reads ({@link MatchLookup}) and keeps up to date. */
public interface MatchIndex extends MatchLookup {

    void saveKeys(long accountPk, Set<MatchKey> keys, boolean replacing);

    /** Remembers that a worker id is this person's, unless it is already someone's. */
    void linkWorker(String workerId, long personPk, Instant at);

    /** Points a worker id at a person, whoever had it (merge, unmerge, admin link). */
    void moveWorker(String workerId, long personPk);

    void moveWorkerLinks(long fromPersonPk, long toPersonPk);
}
