package dev.rollcall.lifecycle;

import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.LinkedAccount;
import dev.rollcall.identity.SourceKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * What the source authoritative for employment says about a person, read from its linked accounts.
 * The authority for {@code active}, {@code employmentStatus}, {@code hireDate} and
 * {@code terminationDate} is the first source kind of each attribute's rule in the authority matrix
 * (the HRIS by default); weaker kinds never count, so an IdP or CRM deactivation ends only its own
 * account. An account says terminated with {@code active=false}, {@code employmentStatus=terminated}
 * or a {@code terminationDate} that has come. A person is terminated when every authoritative account
 * says so, or when the change deleted the last one; one employed authoritative account keeps it
 * employed (a duplicate HR record being cleaned up is no termination).
 */
final class Employment {
    static final String ACTIVE = "active";
    static final String STATUS = "employmentStatus";
    static final String REASON = "terminationReason";
    static final String HIRE_DATE = "hireDate";
    static final String TERMINATION_DATE = "terminationDate";
    static final String TERMINATED = "terminated";
    static final String LEAVE = "leave";
    static final int MAX_REASON = 200;

    enum Status { EMPLOYED, TERMINATED, UNKNOWN }

    /**
     * The verdict; for a termination its reason ({@code terminationReason}, else {@code terminated}).
     * For an employed person: whether it is on leave, when it starts (the hire date, null: none given)
     * and when a dated termination takes effect (null: none ahead).
     */
    record Verdict(Status status, String reason, boolean onLeave, Instant startsAt, Instant terminatesAt) {
    }

    private final AuthorityMatrix matrix;
    private final LongFunction<ZoneId> zones;
    private final Instant now;

    /** {@code zones}: the time zone of each source id, for plain dates. */
    Employment(AuthorityMatrix matrix, LongFunction<ZoneId> zones, Instant now) {
        this.matrix = matrix;
        this.zones = zones;
        this.now = now;
    }

    /** Whether pushes of this kind can change a person's employment at all. */
    static boolean isAuthoritative(SourceKind kind, AuthorityMatrix matrix) {
        return kind == authority(matrix, ACTIVE) || kind == authority(matrix, STATUS)
                || kind == authority(matrix, HIRE_DATE) || kind == authority(matrix, TERMINATION_DATE);
    }

    Verdict of(List<LinkedAccount> accounts, boolean authoritativeAccountDeleted) {
        List<LinkedAccount> authoritative = accounts.stream().filter(a -> isAuthoritative(a.kind(), matrix)).toList();
        if (authoritative.isEmpty()) {
            return authoritativeAccountDeleted ? new Verdict(Status.TERMINATED, TERMINATED, false, null, null)
                    : new Verdict(Status.UNKNOWN, null, false, null, null);
        }
        List<LinkedAccount> employed = authoritative.stream().filter(a -> !terminated(a)).toList();
        if (employed.isEmpty()) {
            String reason = newest(authoritative).facts().attributes().get(REASON);
            return new Verdict(Status.TERMINATED, reason == null || reason.isBlank() ? TERMINATED : shortened(reason.strip()),
                    false, null, null);
        }
        return new Verdict(Status.EMPLOYED, null, onLeave(employed), startsAt(authoritative), terminatesAt(employed));
    }

    /** On leave when every employed account that may say so says {@code employmentStatus=leave}. */
    private boolean onLeave(List<LinkedAccount> employed) {
        List<LinkedAccount> telling = employed.stream().filter(a -> a.kind() == authority(matrix, STATUS)).toList();
        return !telling.isEmpty() && telling.stream().allMatch(a -> LEAVE.equals(status(a)));
    }

    /** The hire date of the newest account of the hire-date authority that gives one. */
    private Instant startsAt(List<LinkedAccount> authoritative) {
        return authoritative.stream().filter(a -> a.kind() == authority(matrix, HIRE_DATE))
                .filter(a -> date(a, HIRE_DATE).isPresent())
                .max(Comparator.comparing(LinkedAccount::updatedAt).thenComparing(LinkedAccount::pk))
                .flatMap(a -> date(a, HIRE_DATE)).orElse(null);
    }

    /** A dated termination ends employment when the last employed account's date comes; none if one has no date. */
    private Instant terminatesAt(List<LinkedAccount> employed) {
        Instant latest = null;
        for (LinkedAccount a : employed) {
            Optional<Instant> at = a.kind() == authority(matrix, TERMINATION_DATE) ? date(a, TERMINATION_DATE) : Optional.empty();
            if (at.isEmpty()) {
                return null;
            }
            latest = latest == null || at.get().isAfter(latest) ? at.get() : latest;
        }
        return latest;
    }

    private boolean terminated(LinkedAccount a) {
        boolean inactive = a.kind() == authority(matrix, ACTIVE) && !a.facts().active();
        boolean statusTerminated = a.kind() == authority(matrix, STATUS) && TERMINATED.equals(status(a));
        boolean dateCame = a.kind() == authority(matrix, TERMINATION_DATE)
                && date(a, TERMINATION_DATE).map(at -> !at.isAfter(now)).orElse(false);
        return inactive || statusTerminated || dateCame;
    }

    private Optional<Instant> date(LinkedAccount a, String attribute) {
        return EffectiveDate.of(a.facts().attributes().get(attribute), () -> zones.apply(a.source().id()));
    }

    private static String status(LinkedAccount a) {
        String s = a.facts().attributes().get(STATUS);
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static LinkedAccount newest(List<LinkedAccount> accounts) {
        return accounts.stream().max(Comparator.comparing(LinkedAccount::updatedAt).thenComparing(LinkedAccount::pk))
                .orElseThrow();
    }

    /** A reason is stored with the state and the timer (200 characters at most); a longer one is cut there. */
    private static String shortened(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }

    private static SourceKind authority(AuthorityMatrix matrix, String attribute) {
        return matrix.kindsFor(attribute).get(0);
    }
}
