package dev.rollcall.identity;

import java.util.List;

/** A person an account may belong to, with its score and the evidence behind it. */
public record MatchCandidate(PersonRef person, int score, List<Evidence> evidence) {
    public MatchCandidate {
        evidence = List.copyOf(evidence);
    }
}
