package dev.rollcall.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The indexed look-ups matching may do, inside the caller's transaction. Never a scan of persons. */
public interface MatchLookup {

    /** A key of another account that equals one of the queried keys, and that account's person. */
    record KeyHit(PersonRef person, MatchKey key, String accountId, SourceKind sourceKind) {
    }

    /** The person remembered for a worker id (any source; outlives deleted accounts). */
    Optional<PersonRef> personOfWorker(String workerId);

    /** Accounts having any of these keys, at most {@code limit} rows. */
    List<KeyHit> hits(Collection<MatchKey> keys, int limit);

    /** The golden records of candidate persons, by person pk. */
    Map<Long, GoldenRecord> goldenOf(Set<Long> personPks);
}
