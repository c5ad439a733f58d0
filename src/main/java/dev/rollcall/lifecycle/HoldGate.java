package dev.rollcall.lifecycle;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.Source;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The blast-radius breaker, asked by an account change after its row is written and before its
 * person-level step: a termination or manager change is counted in its source's sliding window; past
 * the thresholds a hold opens, and while one is open (or being applied) the source's further
 * terminations and manager changes, and every later push of an account already waiting, join it.
 * A held push's person-level step does not run now: the hold keeps what it needs to run it on approval.
 */
public final class HoldGate {
    private final CurrentAuthority authority;
    private final HoldThresholds thresholds;
    private final ZoneId defaultZone;

    /** A push as the gate sees it: the account's facts before (null: none stored) and after (null: deleted). */
    public record Push(HeldPush.Action action, long accountPk, String accountId, long personPk, AccountFacts before,
                       AccountFacts after) {
    }

    /** Plain termination dates read in UTC unless the source has a zone of its own. */
    public HoldGate(CurrentAuthority authority, HoldThresholds thresholds) {
        this(authority, thresholds, ZoneOffset.UTC);
    }

    /** {@code defaultZone}: the zone plain termination dates of a source without its own are read in. */
    public HoldGate(CurrentAuthority authority, HoldThresholds thresholds, ZoneId defaultZone) {
        this.authority = authority;
        this.thresholds = thresholds;
        this.defaultZone = defaultZone;
    }

    public HoldThresholds thresholds() {
        return thresholds;
    }

    /** Whether the push was held (then the caller skips its person-level step). */
    public boolean holds(LifecycleTx tx, Actor actor, Source source, Push push, Instant now) {
        AuthorityMatrix matrix = authority.get(tx.authority(), now);
        Set<ChangeKind> kinds = push.action() == HeldPush.Action.DELETE
                ? PushClassifier.delete(source.kind(), matrix)
                : PushClassifier.replace(source.kind(), matrix, push.before(), push.after(),
                        () -> tx.lifecycleRows().sourceZone(source.id()).orElse(defaultZone), now);
        boolean waiting = tx.holds().hasPending(push.accountPk());
        if (kinds.isEmpty() && !waiting) {
            return false;
        }
        HoldRows holds = tx.holds();
        holds.lockGate(source.id());
        kinds.forEach(k -> holds.count(source.id(), k, now));
        HeldPush held = new HeldPush(push.action(), push.accountPk(), push.accountId(), push.personPk(), kinds, actor,
                push.after(), PushClassifier.changes(push.before(), push.after()));
        Optional<Hold> collecting = holds.collecting(source.id());
        if (collecting.isPresent()) {
            holds.add(collecting.get().pk(), held, now);
            return true;
        }
        for (ChangeKind kind : kinds) {
            int count = holds.countSince(source.id(), kind, now.minus(thresholds.window()));
            if (thresholds.withinAbsolute(kind, count)) {
                continue;
            }
            int active = holds.activePersons(source.id());
            if (thresholds.exceeded(kind, count, active)) {
                String detail = thresholds.describe(kind, count, active);
                Hold hold = holds.open(source.id(), kind, detail, now);
                holds.add(hold.pk(), held, now);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("status", HoldStatus.OPEN.wireName());
                after.put("source", source.name());
                after.put("trigger", kind.wireName());
                after.put("detail", detail);
                tx.audit().record(now, new AuditRecord(actor, "hold.open", "hold", hold.id(), null, AuditRecord.fields(after)));
                return true;
            }
        }
        return false;
    }
}
