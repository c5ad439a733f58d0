package dev.rollcall.identity;

import java.util.Optional;

/** What person linking needs to look up, inside the caller's transaction. */
public interface PersonDirectory {
    /** The person already linked to another account of this source with this worker id. */
    Optional<PersonRef> personOfWorker(long sourceId, String workerId);
}
