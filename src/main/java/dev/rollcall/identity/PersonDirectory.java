package dev.rollcall.identity;

import java.time.Instant;
import java.util.Optional;

/** What person linking needs from storage, inside the caller's transaction. */
public interface PersonDirectory {
    /** The person already linked to another account of this source with this worker id. */
    Optional<PersonRef> personOfWorker(long sourceId, String workerId);

    PersonRef createPerson(Instant at);
}
