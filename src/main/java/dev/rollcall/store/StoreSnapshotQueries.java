package dev.rollcall.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.delivery.rules.PersonSnapshot;
import dev.rollcall.delivery.rules.SnapshotQueries;
import java.util.Optional;

/** A person's current snapshot over the pool, read the way the outbox reads it inside a change. */
public final class StoreSnapshotQueries implements SnapshotQueries {
    private final Database database;
    private final PersonStore persons;
    private final FactsJson facts;

    public StoreSnapshotQueries(Database database, ObjectMapper json) {
        this.database = database;
        this.persons = new PersonStore(json);
        this.facts = new FactsJson(json);
    }

    @Override
    public Optional<PersonSnapshot> person(String personId) {
        return new StoreSnapshots(database.dsl(), persons, facts, new GroupStore(), new TxReads()).current(personId);
    }
}
