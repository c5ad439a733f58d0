package dev.rollcall.identity;

/**
 * Decides which person a new account belongs to. For now: the person of another account of the
 * same source with the same worker id (the HRIS pushing one worker twice), else a new person.
 */
public final class PersonLinker {

    public LinkDecision link(long sourceId, AccountFacts facts, PersonDirectory directory) {
        if (facts.workerId() != null && !facts.workerId().isBlank()) {
            return directory.personOfWorker(sourceId, facts.workerId())
                    .<LinkDecision>map(p -> new LinkDecision.Existing(p, "same worker id " + facts.workerId() + " in this source"))
                    .orElseGet(() -> new LinkDecision.NewPerson("no account of this source has worker id " + facts.workerId()));
        }
        return new LinkDecision.NewPerson("no worker id");
    }
}
