package dev.rollcall.lifecycle;

import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.SourceKind;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the source authoritative for employment says about a person, read from its linked accounts.
 * The authority for {@code active} and for {@code employmentStatus} is the first source kind of each
 * attribute's rule in the authority matrix (the HRIS by default); weaker kinds never count, so an IdP
 * or CRM deactivation ends only its own account. A person is terminated when every authoritative
 * account says so ({@code active=false} or {@code employmentStatus=terminated}), or when the change
 * deleted the last one; one employed authoritative account keeps it employed (a duplicate HR record
 * being cleaned up is no termination).
 */
final class Employment {
    static final String ACTIVE = "active";
    static final String STATUS = "employmentStatus";
    static final String REASON = "terminationReason";
    static final String TERMINATED = "terminated";
    static final int MAX_REASON = 200;

    enum Status { EMPLOYED, TERMINATED, UNKNOWN }

    /** The verdict, and for a termination its reason ({@code terminationReason}, else {@code terminated}). */
    record Verdict(Status status, String reason) {
    }

    private Employment() {
    }

    /** Whether pushes of this kind can change a person's employment at all. */
    static boolean isAuthoritative(SourceKind kind, AuthorityMatrix matrix) {
        return kind == activeAuthority(matrix) || kind == statusAuthority(matrix);
    }

    static Verdict of(List<LinkedAccount> accounts, AuthorityMatrix matrix, boolean authoritativeAccountDeleted) {
        List<LinkedAccount> authoritative = accounts.stream().filter(a -> isAuthoritative(a.kind(), matrix)).toList();
        if (authoritative.isEmpty()) {
            return new Verdict(authoritativeAccountDeleted ? Status.TERMINATED : Status.UNKNOWN,
                    authoritativeAccountDeleted ? TERMINATED : null);
        }
        if (authoritative.stream().anyMatch(a -> !terminated(a, matrix))) {
            return new Verdict(Status.EMPLOYED, null);
        }
        LinkedAccount newest = authoritative.stream()
                .max(Comparator.comparing(LinkedAccount::updatedAt).thenComparing(LinkedAccount::pk)).orElseThrow();
        String reason = newest.facts().attributes().get(REASON);
        return new Verdict(Status.TERMINATED, reason == null || reason.isBlank() ? TERMINATED : shortened(reason.strip()));
    }

    /** A reason is stored with the state and the timer (200 characters at most); a longer one is cut there. */
    private static String shortened(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private static boolean terminated(LinkedAccount a, AuthorityMatrix matrix) {
        boolean inactive = a.kind() == activeAuthority(matrix) && !a.facts().active();
        String status = a.facts().attributes().get(STATUS);
        boolean statusTerminated = a.kind() == statusAuthority(matrix) && status != null
                && status.strip().toLowerCase(Locale.ROOT).equals(TERMINATED);
        return inactive || statusTerminated;
    }

    private static SourceKind activeAuthority(AuthorityMatrix matrix) {
        return matrix.kindsFor(ACTIVE).get(0);
    }

    private static SourceKind statusAuthority(AuthorityMatrix matrix) {
        return matrix.kindsFor(STATUS).get(0);
    }
}
