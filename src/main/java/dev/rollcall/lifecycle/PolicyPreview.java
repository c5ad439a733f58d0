package dev.rollcall.lifecycle;

import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.kernel.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A dry run of a changed grace, threshold or authority configuration against the current persons:
 * whose deprovision deadline would move (and who would be deprovisioned at once), which sources would
 * hold their next termination or manager change, and whose employment verdict the new authority
 * changes. It only reads; nothing is stored or emitted.
 */
public final class PolicyPreview {
    /** How many suspended persons and how many persons (for authority) one preview reads at most. */
    public static final int MAX_ROWS = 10_000;
    private static final int PAGE = 500;

    private final PolicyReads reads;
    private final GracePolicy grace;
    private final HoldThresholds thresholds;
    private final Clock clock;
    private final ZoneId sourceZone;

    /** The proposal; a null member is left as configured. */
    public record Proposal(GracePolicy grace, HoldThresholds thresholds, AuthorityMatrix authority) {
    }

    public record DeadlineChange(String personId, String reason, Instant current, Instant proposed,
                                 boolean deprovisionedAtOnce) {
    }

    public record SourceHolds(String source, int terminations, int managerChanges, int activePersons, boolean openHold,
                              boolean holdsNextNow, boolean holdsNextProposed) {
    }

    public record EmploymentChange(String personId, LifecycleState state, String verdictNow, String verdictProposed,
                                   LifecycleState wouldBecome) {
    }

    /** Employment authority (first kind for active and for employmentStatus) now and proposed, and whom it changes. */
    public record AuthorityChange(SourceKind activeNow, SourceKind statusNow, SourceKind activeProposed,
                                  SourceKind statusProposed, List<EmploymentChange> persons, int scanned, boolean truncated) {
    }

    /** Null members: that part of the configuration was not changed. */
    public record Result(Instant at, List<DeadlineChange> deadlines, Integer deadlinesKeptAsSetByIt,
                         Boolean deadlinesTruncated, List<SourceHolds> holds, AuthorityChange authority) {
    }

    /**
     * {@code sourceZone}: the zone plain dates are read in for the authority comparison (the default
     * source zone; a source's own zone is not consulted by the preview).
     */
    public PolicyPreview(PolicyReads reads, GracePolicy grace, HoldThresholds thresholds, ZoneId sourceZone, Clock clock) {
        this.reads = reads;
        this.grace = grace;
        this.thresholds = thresholds;
        this.clock = clock;
        this.sourceZone = sourceZone;
    }

    /** The grace policy in force. */
    public GracePolicy grace() {
        return grace;
    }

    /** The hold thresholds in force. */
    public HoldThresholds thresholds() {
        return thresholds;
    }

    public Result preview(Proposal p, AuthorityMatrix currentAuthority) {
        Instant now = Timestamps.now(clock);
        List<DeadlineChange> deadlines = null;
        Integer kept = null;
        Boolean truncated = null;
        if (p.grace() != null) {
            deadlines = new ArrayList<>();
            List<PolicyReads.Deadline> rows = reads.deadlines(MAX_ROWS + 1);
            truncated = rows.size() > MAX_ROWS;
            int byIt = 0;
            for (PolicyReads.Deadline d : rows.subList(0, Math.min(rows.size(), MAX_ROWS))) {
                if (d.movedByIt()) {
                    byIt++;
                    continue;
                }
                Instant proposed = d.suspendedAt().plus(p.grace().graceFor(d.reason()));
                if (!proposed.equals(d.dueAt())) {
                    deadlines.add(new DeadlineChange(d.personId(), d.reason(), d.dueAt(), proposed, !proposed.isAfter(now)));
                }
            }
            kept = byIt;
        }
        List<SourceHolds> holds = p.thresholds() == null ? null : holds(p.thresholds(), now);
        AuthorityChange authority = p.authority() == null ? null : authority(currentAuthority, p.authority());
        return new Result(now, deadlines, kept, truncated, holds, authority);
    }

    private List<SourceHolds> holds(HoldThresholds proposed, Instant now) {
        List<PolicyReads.SourceWindow> current = reads.windows(now.minus(thresholds.window()));
        List<PolicyReads.SourceWindow> next = reads.windows(now.minus(proposed.window()));
        List<SourceHolds> out = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            PolicyReads.SourceWindow c = current.get(i);
            PolicyReads.SourceWindow n = next.get(i);
            out.add(new SourceHolds(n.source(), n.terminations(), n.managerChanges(), n.activePersons(), n.openHold(),
                    c.openHold() || holdsNext(thresholds, c), n.openHold() || holdsNext(proposed, n)));
        }
        return out;
    }

    /** Whether one more termination or manager change would be held. */
    private static boolean holdsNext(HoldThresholds t, PolicyReads.SourceWindow w) {
        return t.exceeded(ChangeKind.TERMINATION, w.terminations() + 1, w.activePersons())
                || t.exceeded(ChangeKind.MANAGER_CHANGE, w.managerChanges() + 1, w.activePersons());
    }

    private AuthorityChange authority(AuthorityMatrix now, AuthorityMatrix proposed) {
        List<EmploymentChange> changes = new ArrayList<>();
        int scanned = 0;
        Long after = null;
        Instant at = Timestamps.now(clock);
        Employment current = new Employment(now, source -> sourceZone, at);
        Employment changed = new Employment(proposed, source -> sourceZone, at);
        boolean more = true;
        while (more && scanned < MAX_ROWS) {
            List<PolicyReads.PersonAccounts> page = reads.persons(after, Math.min(PAGE, MAX_ROWS - scanned));
            for (PolicyReads.PersonAccounts person : page) {
                scanned++;
                after = person.pk();
                Employment.Verdict before = current.of(person.accounts(), false);
                Employment.Verdict afterVerdict = changed.of(person.accounts(), false);
                if (before.status() != afterVerdict.status()) {
                    changes.add(new EmploymentChange(person.personId(), person.state(), verdict(before), verdict(afterVerdict),
                            wouldBecome(person.state(), afterVerdict)));
                }
            }
            more = !page.isEmpty();
        }
        boolean truncated = more && !reads.persons(after, 1).isEmpty();
        return new AuthorityChange(now.kindsFor(Employment.ACTIVE).get(0), now.kindsFor(Employment.STATUS).get(0),
                proposed.kindsFor(Employment.ACTIVE).get(0), proposed.kindsFor(Employment.STATUS).get(0), changes, scanned,
                truncated);
    }

    private static String verdict(Employment.Verdict v) {
        return v.status().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the next push of the authoritative source would do to the person under the proposed matrix. */
    private static LifecycleState wouldBecome(LifecycleState state, Employment.Verdict v) {
        if (v.status() == Employment.Status.TERMINATED && state == LifecycleState.ACTIVE) {
            return LifecycleState.SUSPENDED;
        }
        if (v.status() == Employment.Status.EMPLOYED
                && (state == LifecycleState.SUSPENDED || state == LifecycleState.DEPROVISIONED)) {
            return LifecycleState.ACTIVE;
        }
        return state;
    }
}
