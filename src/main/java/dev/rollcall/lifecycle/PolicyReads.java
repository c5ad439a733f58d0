package dev.rollcall.lifecycle;

import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.LinkedAccount;
import java.time.Instant;
import java.util.List;

/** What a policy preview reads, outside any change (it writes nothing). */
public interface PolicyReads {

    /** A suspended person's pending deprovision; movedByIt when IT moved or set it. */
    record Deadline(long personPk, String personId, String reason, Instant suspendedAt, Instant dueAt, boolean movedByIt) {
    }

    /** A source's counts in a window and its active persons; openHold when a hold collects its pushes. */
    record SourceWindow(long sourceId, String source, int terminations, int managerChanges, int activePersons,
                        boolean openHold) {
    }

    /** A real (not provisional, not merged) person with its linked accounts. */
    record PersonAccounts(long pk, String personId, LifecycleState state, List<LinkedAccount> accounts) {
    }

    /** Pending deprovisions of suspended persons, soonest first, at most limit. */
    List<Deadline> deadlines(int limit);

    /** Every source's counts after {@code since}. */
    List<SourceWindow> windows(Instant since);

    /** Up to limit persons after the key (null: from the start), in key order. */
    List<PersonAccounts> persons(Long afterPk, int limit);
}
