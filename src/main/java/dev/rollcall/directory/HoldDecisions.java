package dev.rollcall.directory;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.identity.AccountResolution;
import dev.rollcall.identity.IdentityException;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.Source;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import dev.rollcall.lifecycle.HeldItem;
import dev.rollcall.lifecycle.HeldPush;
import dev.rollcall.lifecycle.Hold;
import dev.rollcall.lifecycle.HoldStatus;
import dev.rollcall.lifecycle.PersonLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IT's decision on a hold. Approve runs each held push's person-level step in arrival order, as if the
 * push had just arrived (with its own facts and actor, on today's clock), in runs of up to
 * {@value #GROUP} pushes per transaction so that they share its commit (a run that fails is applied
 * again one push per transaction, so a push that cannot be applied fails alone); pushes that arrive
 * meanwhile still join the hold and are applied after it, so the order per account holds. An approval cut short (a restart) is resumed by {@link HoldResumer}, or by
 * approving again. Reject
 * discards the held steps; the accounts keep the data their pushes stored.
 */
public final class HoldDecisions {
    static final int BATCH = 100;
    /** Held pushes applied in one transaction; a run never holds one account twice (the second sees the first). */
    static final int GROUP = 25;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HoldDecisions.class);
    private final Transactor<? extends DirectoryTx> transactions;
    private final AccountResolution resolution;
    private final PersonLifecycle lifecycle;
    private final Clock clock;
    private final Set<String> applying = ConcurrentHashMap.newKeySet();

    public HoldDecisions(Transactor<? extends DirectoryTx> transactions, AccountResolution resolution,
                         PersonLifecycle lifecycle, Clock clock) {
        this.transactions = transactions;
        this.resolution = resolution;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Approves an open hold (or resumes one being applied) and applies it; returns how many pushes were applied. */
    public int approve(Actor actor, String holdId) {
        Hold hold = transactions.inTransaction(tx -> {
            Hold h = lockHold(tx, holdId);
            if (h.status() == HoldStatus.OPEN) {
                Instant now = Timestamps.now(clock);
                tx.holds().setStatus(h.pk(), HoldStatus.APPLYING, actor.name(), now);
                tx.audit().record(now, new AuditRecord(actor, "hold.approve", "hold", h.id(), status(HoldStatus.OPEN),
                        status(HoldStatus.APPLYING)));
            } else if (h.status() != HoldStatus.APPLYING) {
                throw IdentityException.conflict("hold " + holdId + " was already " + h.status().wireName());
            }
            return h;
        });
        applying.add(hold.id());
        try {
            return applyAll(hold, actor);
        } finally {
            applying.remove(hold.id());
        }
    }

    /** Whether an approval of this hold is running in this process (the resumer leaves it alone). */
    public boolean isApplying(String holdId) {
        return applying.contains(holdId);
    }

    private int applyAll(Hold hold, Actor actor) {
        int applied = 0;
        while (!Thread.currentThread().isInterrupted()) {
            // read a bounded batch in arrival order, then apply it in runs, one transaction each
            List<HeldItem> next = transactions.inTransaction(tx -> tx.holds().pending(hold.pk(), BATCH));
            for (List<HeldItem> run : runs(next)) {
                applied += applyRun(hold, run);
            }
            if (next.isEmpty() && transactions.inTransaction(tx -> finish(tx, actor, hold))) {
                break;
            }
        }
        return applied;
    }

    /** Rejects an open hold: its pending pushes are discarded (audited); the accounts keep their data. */
    public int reject(Actor actor, String holdId) {
        return transactions.inTransaction(tx -> {
            Hold h = lockHold(tx, holdId);
            if (h.status() != HoldStatus.OPEN) {
                throw IdentityException.conflict("hold " + holdId + " is " + h.status().wireName() + "; only an open hold can be rejected");
            }
            Instant now = Timestamps.now(clock);
            int discarded = tx.holds().discardPending(h.pk(), now);
            tx.holds().setStatus(h.pk(), HoldStatus.REJECTED, actor.name(), now);
            Map<String, Object> after = status(HoldStatus.REJECTED).values();
            after.put("discarded", discarded);
            tx.audit().record(now, new AuditRecord(actor, "hold.reject", "hold", h.id(), status(HoldStatus.OPEN),
                    AuditRecord.fields(after)));
            return discarded;
        });
    }

    /** Gate, then hold: the order pushes lock them in. */
    private static Hold lockHold(DirectoryTx tx, String holdId) {
        Hold read = tx.holds().byId(holdId).orElseThrow(() -> IdentityException.notFound("hold " + holdId + " not found"));
        tx.holds().lockGate(read.sourceId());
        return tx.holds().lock(holdId).orElseThrow();
    }

    /** Consecutive runs of at most GROUP items in arrival order, none naming an account twice. */
    static List<List<HeldItem>> runs(List<HeldItem> items) {
        List<List<HeldItem>> runs = new java.util.ArrayList<>();
        List<HeldItem> current = new java.util.ArrayList<>();
        Set<String> accounts = new java.util.HashSet<>();
        for (HeldItem item : items) {
            if (current.size() >= GROUP || accounts.contains(item.push().accountId())) {
                runs.add(current);
                current = new java.util.ArrayList<>();
                accounts.clear();
            }
            current.add(item);
            accounts.add(item.push().accountId());
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    /** Applies a run in one transaction; when that fails, each of its pushes in a transaction of its own. */
    private int applyRun(Hold hold, List<HeldItem> run) {
        if (run.size() > 1) {
            try {
                return transactions.inTransaction(tx -> applyInOne(tx, hold, run));
            } catch (RuntimeException e) {
                log.warn("hold {}: a run of {} held pushes could not be applied together; applying each alone: {}",
                        hold.id(), run.size(), e.toString());
            }
        }
        int applied = 0;
        for (HeldItem item : run) {
            applied += transactions.inTransaction(tx -> applyInOne(tx, hold, List.of(item)));
        }
        return applied;
    }

    /** Held pushes' person-level steps in one transaction, in order; returns how many this approver applied. */
    private int applyInOne(DirectoryTx tx, Hold hold, List<HeldItem> items) {
        Source source = tx.sources().byId(hold.sourceId())
                .orElseThrow(() -> new IllegalStateException("hold " + hold.id() + " names a missing source"));
        // accounts first (in arrival order), then gate and items: the order a push of one account locks in
        Map<Long, Optional<Account>> accounts = new java.util.HashMap<>();
        for (HeldItem item : items) {
            accounts.put(item.pk(), item.push().action() == HeldPush.Action.REPLACE
                    ? tx.accountRows().lock(source.id(), item.push().accountId()) : Optional.empty());
        }
        tx.holds().lockGate(source.id());
        int applied = 0;
        for (HeldItem item : items) {
            if (apply(tx, hold, source, item, accounts.get(item.pk()))) {
                applied++;
            }
        }
        return applied;
    }

    /** One held push's person-level step (its account locked); false when another approver got there first. */
    private boolean apply(DirectoryTx tx, Hold hold, Source source, HeldItem item, Optional<Account> account) {
        HeldPush push = item.push();
        if (tx.holds().lockPending(item.pk()).isEmpty()) {
            return false;
        }
        Instant now = Timestamps.now(clock);
        String personId = null;
        if (push.action() == HeldPush.Action.DELETE) {
            resolution.deleted(tx, source, push.accountId(), push.personPk(), now);
            lifecycle.accountChanged(tx, push.actor(), source, push.personPk(), true, now);
        } else if (account.isPresent()) {
            Account a = account.get();
            PersonRef person = resolution.changed(tx, source, a.pk(), a.id(), a.personPk(), push.facts(), now);
            lifecycle.accountChanged(tx, push.actor(), source, person.pk(), false, now);
            personId = person.id();
        } // else: the account was deleted after this push; its delete, later in the hold, carries on
        tx.holds().finishItem(item.pk(), true, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("holdId", hold.id());
        after.put("action", push.action().name().toLowerCase(java.util.Locale.ROOT));
        after.put("personId", personId);
        tx.audit().record(now, new AuditRecord(push.actor(), "hold.apply", "account", push.accountId(), null,
                AuditRecord.fields(after)));
        return true;
    }

    /** Marks the hold approved once nothing is pending (checked under its lock, so no push joins unseen). */
    private boolean finish(DirectoryTx tx, Actor actor, Hold hold) {
        Hold h = lockHold(tx, hold.id());
        if (!tx.holds().pending(h.pk(), 1).isEmpty()) {
            return false;
        }
        if (h.status() == HoldStatus.APPLYING) {
            Instant now = Timestamps.now(clock);
            tx.holds().setStatus(h.pk(), HoldStatus.APPROVED, actor.name(), now);
        }
        return true;
    }

    private static AuditRecord.Fields status(HoldStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status.wireName());
        return new AuditRecord.Fields(m);
    }
}
