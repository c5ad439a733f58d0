package dev.rollcall.identity;

import dev.rollcall.identity.InMemoryTables.StoredPerson;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** {@link Persons} over the fake's tables (test code; see {@link InMemoryIdentityStore}). */
final class InMemoryPersons implements Persons {
    private final InMemoryIdentityStore store;

    InMemoryPersons(InMemoryIdentityStore store) {
        this.store = store;
    }

    /** Like the store: a provisional person has no lifecycle state; a real one starts ACTIVE. */
    @Override
    public PersonRef insert(Instant at, boolean provisional) {
        long pk = store.nextPk();
        StoredPerson p = new StoredPerson(pk, store.nextPersonId(), provisional ? null : LifecycleState.ACTIVE,
                provisional, null, new GoldenRecord(Map.of()), 0, 0, at, at);
        store.tables().persons.put(pk, p);
        return p.ref();
    }

    @Override
    public void delete(long pk) {
        store.tables().persons.remove(pk);
    }

    /** The current row (no lock is taken: one transaction runs at a time). */
    @Override
    public PersonRow lock(long pk) {
        return store.tables().person(pk).row();
    }

    @Override
    public Optional<PersonRef> byId(String id) {
        return store.tables().persons.values().stream().filter(p -> p.id().equals(id)).findFirst()
                .map(StoredPerson::ref);
    }

    @Override
    public void save(long pk, GoldenRecord golden, long eventSeq, Instant at) {
        InMemoryTables t = store.tables();
        t.persons.put(pk, t.person(pk).saved(golden, eventSeq, at));
    }

    /** Only a provisional person is promoted (the store's WHERE provisional). */
    @Override
    public void promote(long pk, Instant at) {
        InMemoryTables t = store.tables();
        StoredPerson p = t.person(pk);
        if (p.provisional()) {
            t.persons.put(pk, p.promoted(at));
        }
    }

    @Override
    public void changeState(long pk, LifecycleState state, String reason, Instant since, Instant graceUntil) {
        InMemoryTables t = store.tables();
        t.persons.put(pk, t.person(pk).inState(state, since));
        t.lifecycle.put(pk, new InMemoryTables.StoredLifecycle(reason, since, graceUntil));
    }

    @Override
    public void changeGrace(long pk, Instant graceUntil) {
        InMemoryTables t = store.tables();
        InMemoryTables.StoredLifecycle l = t.lifecycle.get(pk);
        t.lifecycle.put(pk, new InMemoryTables.StoredLifecycle(l == null ? null : l.reason(),
                l == null ? null : l.since(), graceUntil));
    }

    @Override
    public void markMerged(long pk, long survivorPk, Instant at) {
        InMemoryTables t = store.tables();
        t.persons.put(pk, t.person(pk).merged(survivorPk, at));
    }
}
