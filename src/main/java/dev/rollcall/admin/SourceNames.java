package dev.rollcall.admin;

import dev.rollcall.identity.Source;
import dev.rollcall.store.Database;
import dev.rollcall.store.SourceStore;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Source names by id, read once per response (sources are few), so views can name a value's source. */
public final class SourceNames {
    private final Database database;
    private final SourceStore sources;

    public SourceNames(Database database, SourceStore sources) {
        this.database = database;
        this.sources = sources;
    }

    public Map<Long, Source> byId() {
        return sources.all(database.dsl()).stream().collect(Collectors.toMap(Source::id, Function.identity()));
    }
}
