package dev.rollcall.identity;

import java.time.Instant;

/**
 * Decides which person a new account belongs to. For now: the person of another account of the
 * same source with the same worker id (the HRIS pushing one worker twice), else a new person.
 */
public final class PersonLinker {

    public PersonRef link(long sourceId, AccountFacts facts, PersonDirectory directory, Instant now) {
        if (facts.workerId() != null && !facts.workerId().isBlank()) {
            return directory.personOfWorker(sourceId, facts.workerId()).orElseGet(() -> directory.createPerson(now));
        }
        return directory.createPerson(now);
    }
}
