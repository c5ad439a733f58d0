package dev.rollcall.store;

import dev.rollcall.identity.PeopleDirectory;
import java.util.Collection;
import java.util.List;

/** The person list over the pool (no transaction), by {@link PersonQueries}. */
public final class StorePeopleDirectory implements PeopleDirectory {
    private final Database database;
    private final PersonQueries persons;

    public StorePeopleDirectory(Database database, PersonQueries persons) {
        this.database = database;
        this.persons = persons;
    }

    @Override
    public List<ListedPerson> page(Filter f, Long afterPk, int limit) {
        PersonQueries.Filter filter = new PersonQueries.Filter(f.state() == null ? null : f.state().wireName(),
                f.sourceId(), f.accountKind(), f.department(), f.text());
        return persons.page(database.dsl(), filter, afterPk, limit);
    }

    @Override
    public List<ListedAccount> accountsOf(Collection<Long> personPks) {
        return persons.accountsOf(database.dsl(), personPks);
    }
}
