package dev.rollcall.identity;

/**
 * Thresholds and rule weights of weak-evidence matching, and the email policy. A score at or above
 * {@code definite} links; at or above {@code candidate} opens a case; below it is no match.
 * {@code workerClaimPoints}: a worker id pushed by a source that may not assert worker ids, when it
 * is a candidate's — evidence, not a key: alone it reaches a case, never a link.
 */
public record MatchPolicy(int definite, int candidate, int emailPoints, int aliasPoints, int namePoints,
                          int departmentPoints, int managerPoints, int corporatePoints, int workerClaimPoints,
                          EmailPolicy email, PrimaryManagerRule managerRule) {

    public MatchPolicy {
        if (candidate <= 0 || definite < candidate) {
            throw new IllegalArgumentException("match thresholds: need 0 < candidate <= definite, got candidate="
                    + candidate + " definite=" + definite);
        }
    }

    public static MatchPolicy defaults() {
        return new MatchPolicy(80, 40, 60, 35, 30, 10, 15, 10, 40, EmailPolicy.defaults(), PrimaryManagerRule.NEWEST);
    }

    public MatchPolicy withEmail(EmailPolicy policy) {
        return new MatchPolicy(definite, candidate, emailPoints, aliasPoints, namePoints, departmentPoints, managerPoints,
                corporatePoints, workerClaimPoints, policy, managerRule);
    }

    public MatchPolicy withThresholds(int definiteScore, int candidateScore) {
        return new MatchPolicy(definiteScore, candidateScore, emailPoints, aliasPoints, namePoints, departmentPoints,
                managerPoints, corporatePoints, workerClaimPoints, email, managerRule);
    }

    public MatchPolicy withManagerRule(PrimaryManagerRule rule) {
        return new MatchPolicy(definite, candidate, emailPoints, aliasPoints, namePoints, departmentPoints, managerPoints,
                corporatePoints, workerClaimPoints, email, rule);
    }
}
