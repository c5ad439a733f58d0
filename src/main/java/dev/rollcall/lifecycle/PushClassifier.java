package dev.rollcall.lifecycle;

import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.GoldenComputer;
import dev.rollcall.identity.SourceKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the breaker counts a push as, from the account's facts before and after it: a termination
 * (by the source authoritative for employment: active true→false, employmentStatus becoming
 * terminated, a terminationDate set or changed to now or earlier, or the account's deletion) and/or
 * a manager change (the {@code manager} value differs). Absence from a feed is no push, so never a
 * termination.
 */
final class PushClassifier {
    static final String TERMINATION_DATE = "terminationDate";
    private static final List<String> SHOWN = List.of("active", Employment.STATUS, TERMINATION_DATE, Employment.REASON,
            GoldenComputer.MANAGER);

    private PushClassifier() {
    }

    /** A replace: before may be null (the account had no facts stored). */
    static Set<ChangeKind> replace(SourceKind kind, AuthorityMatrix matrix, AccountFacts before, AccountFacts after,
                                   Supplier<ZoneId> zone, Instant now) {
        Set<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        if (before == null) {
            return kinds;
        }
        if (Employment.isAuthoritative(kind, matrix) && terminates(before, after, zone, now)) {
            kinds.add(ChangeKind.TERMINATION);
        }
        if (!Objects.equals(before.attributes().get(GoldenComputer.MANAGER), after.attributes().get(GoldenComputer.MANAGER))) {
            kinds.add(ChangeKind.MANAGER_CHANGE);
        }
        return kinds;
    }

    /** A delete counts as a termination when the source is authoritative for employment. */
    static Set<ChangeKind> delete(SourceKind kind, AuthorityMatrix matrix) {
        return Employment.isAuthoritative(kind, matrix) ? EnumSet.of(ChangeKind.TERMINATION) : EnumSet.noneOf(ChangeKind.class);
    }

    /** The lifecycle-relevant attributes the push changes, for IT to review (after null: deleted). */
    static List<HeldPush.Change> changes(AccountFacts before, AccountFacts after) {
        List<HeldPush.Change> out = new ArrayList<>();
        for (String attr : SHOWN) {
            String from = value(before, attr);
            String to = value(after, attr);
            if (!Objects.equals(from, to)) {
                out.add(new HeldPush.Change(attr, from, to));
            }
        }
        return out;
    }

    private static String value(AccountFacts facts, String attr) {
        if (facts == null) {
            return null;
        }
        return attr.equals("active") ? Boolean.toString(facts.active()) : facts.attributes().get(attr);
    }

    private static boolean terminates(AccountFacts before, AccountFacts after, Supplier<ZoneId> zone, Instant now) {
        boolean deactivated = before.active() && !after.active();
        boolean statusTerminated = isTerminated(after.attributes().get(Employment.STATUS))
                && !isTerminated(before.attributes().get(Employment.STATUS));
        String dateBefore = before.attributes().get(TERMINATION_DATE);
        String dateAfter = after.attributes().get(TERMINATION_DATE);
        boolean dateReached = !Objects.equals(dateBefore, dateAfter) && reached(dateAfter, zone, now);
        return deactivated || statusTerminated || dateReached;
    }

    private static boolean isTerminated(String status) {
        return status != null && status.strip().toLowerCase(Locale.ROOT).equals(Employment.TERMINATED);
    }

    /** An RFC 7643 dateTime or a plain date (start of that day in the source's zone) at or before now; unreadable: no. */
    static boolean reached(String date, Supplier<ZoneId> zone, Instant now) {
        return EffectiveDate.of(date, zone).map(at -> !at.isAfter(now)).orElse(false);
    }
}
