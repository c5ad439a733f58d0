package dev.rollcall.identity;

import dev.rollcall.identity.InMemoryTables.StoredAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link MatchIndex} over the fake's tables (test code; see {@link InMemoryIdentityStore}). */
final class InMemoryMatchIndex implements MatchIndex {
    private final InMemoryIdentityStore store;

    InMemoryMatchIndex(InMemoryIdentityStore store) {
        this.store = store;
    }

    @Override
    public Optional<PersonRef> personOfWorker(String workerId) {
        InMemoryTables t = store.tables();
        Long pk = t.workers.get(workerId);
        return pk == null || !t.persons.containsKey(pk) ? Optional.empty() : Optional.of(t.person(pk).ref());
    }

    /** One hit per stored key equal to a queried one, accounts in pk order, like the join on match_key. */
    @Override
    public List<KeyHit> hits(Collection<MatchKey> keys, int limit) {
        InMemoryTables t = store.tables();
        Set<MatchKey> wanted = new HashSet<>(keys);
        List<KeyHit> out = new ArrayList<>();
        for (StoredAccount a : t.accounts.values()) {
            for (MatchKey k : t.keys.getOrDefault(a.pk(), List.of())) {
                if (wanted.contains(k) && out.size() < limit) {
                    out.add(new KeyHit(t.person(a.personPk()).ref(), k, a.id(), t.source(a.sourceId()).kind()));
                }
            }
        }
        return out;
    }

    @Override
    public Map<Long, GoldenRecord> goldenOf(Set<Long> personPks) {
        Map<Long, GoldenRecord> out = new HashMap<>();
        personPks.forEach(pk -> {
            if (store.tables().persons.containsKey(pk)) {
                out.put(pk, store.tables().person(pk).golden());
            }
        });
        return out;
    }

    @Override
    public void saveKeys(long accountPk, Set<MatchKey> keys, boolean replacing) {
        InMemoryTables t = store.tables();
        t.account(accountPk);
        Set<MatchKey> next = new LinkedHashSet<>(replacing ? List.of() : t.keys.getOrDefault(accountPk, List.of()));
        if (!replacing && keys.stream().anyMatch(next::contains)) {
            throw new IllegalStateException("fake store: duplicate match key for account " + accountPk);
        }
        next.addAll(keys);
        t.keys.put(accountPk, List.copyOf(next));
        t.keyWrites.merge(accountPk, 1, Integer::sum);
    }

    /** Keeps an existing link (INSERT ... ON DUPLICATE KEY IGNORE). */
    @Override
    public void linkWorker(String workerId, long personPk, Instant at) {
        store.tables().workers.putIfAbsent(workerId, personPk);
    }

    /** Updates an existing link only (an UPDATE): an unknown worker id stays unknown. */
    @Override
    public void moveWorker(String workerId, long personPk) {
        store.tables().workers.computeIfPresent(workerId, (w, old) -> personPk);
    }

    @Override
    public void moveWorkerLinks(long fromPersonPk, long toPersonPk) {
        store.tables().workers.replaceAll((w, pk) -> pk == fromPersonPk ? toPersonPk : pk);
    }
}
