package dev.rollcall.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * TEST FAKE: holds, their items and the sliding-window counts in memory. Rows are immutable records,
 * so shallow copies are a snapshot a rollback puts back. Locks are no-ops (the fake transactor runs
 * one transaction at a time). The active persons of a source are whatever the test sets.
 */
public final class InMemoryHoldRows implements HoldRows {
    private record Count(long sourceId, ChangeKind kind, Instant at) {
    }

    private final AtomicLong pks = new AtomicLong();
    private Map<Long, Hold> holds = new LinkedHashMap<>();
    private Map<Long, HeldItem> items = new LinkedHashMap<>();
    private List<Count> counts = new ArrayList<>();
    private final Map<Long, Integer> active = new LinkedHashMap<>();

    public synchronized Runnable snapshot() {
        Map<Long, Hold> h = new LinkedHashMap<>(holds);
        Map<Long, HeldItem> i = new LinkedHashMap<>(items);
        List<Count> c = new ArrayList<>(counts);
        return () -> {
            synchronized (this) {
                holds = h;
                items = i;
                counts = c;
            }
        };
    }

    public synchronized void setActivePersons(long sourceId, int n) {
        active.put(sourceId, n);
    }

    public synchronized List<Hold> all() {
        return List.copyOf(holds.values());
    }

    public synchronized List<HeldItem> itemsOf(long holdPk) {
        return items.values().stream().filter(i -> i.holdPk() == holdPk).toList();
    }

    @Override
    public void lockGate(long sourceId) {
    }

    @Override
    public synchronized Optional<Hold> collecting(long sourceId) {
        return holds.values().stream().filter(h -> h.sourceId() == sourceId && h.status().collecting()).findFirst();
    }

    @Override
    public synchronized Hold open(long sourceId, ChangeKind trigger, String detail, Instant now) {
        long pk = pks.incrementAndGet();
        Hold h = new Hold(pk, UUID.randomUUID().toString(), sourceId, HoldStatus.OPEN, trigger, detail, now, null, null, null);
        holds.put(pk, h);
        return h;
    }

    @Override
    public synchronized void add(long holdPk, HeldPush push, Instant now) {
        long pk = pks.incrementAndGet();
        items.put(pk, new HeldItem(pk, holdPk, push, now, "pending"));
    }

    @Override
    public synchronized boolean hasPending(long accountPk) {
        return items.values().stream().anyMatch(i -> i.push().accountPk() == accountPk && i.status().equals("pending"));
    }

    @Override
    public synchronized void count(long sourceId, ChangeKind kind, Instant at) {
        counts.add(new Count(sourceId, kind, at));
    }

    @Override
    public synchronized int countSince(long sourceId, ChangeKind kind, Instant since) {
        return (int) counts.stream().filter(c -> c.sourceId() == sourceId && c.kind() == kind && c.at().isAfter(since)).count();
    }

    @Override
    public synchronized int activePersons(long sourceId) {
        return active.getOrDefault(sourceId, 0);
    }

    @Override
    public synchronized Optional<Hold> byId(String holdId) {
        return holds.values().stream().filter(h -> h.id().equals(holdId)).findFirst();
    }

    @Override
    public Optional<Hold> lock(String holdId) {
        return byId(holdId);
    }

    @Override
    public synchronized List<HeldItem> pending(long holdPk, int limit) {
        return items.values().stream().filter(i -> i.holdPk() == holdPk && i.status().equals("pending")).limit(limit).toList();
    }

    @Override
    public synchronized Optional<HeldItem> lockPending(long itemPk) {
        return Optional.ofNullable(items.get(itemPk)).filter(i -> i.status().equals("pending"));
    }

    @Override
    public synchronized void finishItem(long itemPk, boolean applied, Instant now) {
        HeldItem i = items.get(itemPk);
        items.put(itemPk, new HeldItem(i.pk(), i.holdPk(), i.push(), i.receivedAt(), applied ? "applied" : "discarded"));
    }

    @Override
    public synchronized int discardPending(long holdPk, Instant now) {
        int n = 0;
        for (HeldItem i : List.copyOf(items.values())) {
            if (i.holdPk() == holdPk && i.status().equals("pending")) {
                finishItem(i.pk(), false, now);
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized void setStatus(long holdPk, HoldStatus status, String actor, Instant now) {
        Hold h = holds.get(holdPk);
        boolean decision = status != HoldStatus.APPROVED;
        holds.put(holdPk, new Hold(h.pk(), h.id(), h.sourceId(), status, h.trigger(), h.triggerDetail(), h.openedAt(),
                decision ? now : h.decidedAt(), decision ? actor : h.decidedBy(),
                status == HoldStatus.APPROVED || status == HoldStatus.REJECTED ? now : null));
    }
}
