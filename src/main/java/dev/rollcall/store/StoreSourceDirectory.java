package dev.rollcall.store;

import dev.rollcall.identity.RegisteredSource;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceDirectory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** Sources and their tokens over the pool (no transaction); never the token hashes. */
public final class StoreSourceDirectory implements SourceDirectory {
    private final Database database;
    private final SourceStore sources = new SourceStore();
    private final CredentialStore credentials = new CredentialStore();

    public StoreSourceDirectory(Database database) {
        this.database = database;
    }

    @Override
    public List<RegisteredSource> registered() {
        DSLContext db = database.dsl();
        return sources.all(db).stream().map(s -> registered(db, s)).toList();
    }

    @Override
    public Optional<RegisteredSource> registered(String name) {
        DSLContext db = database.dsl();
        return sources.byName(db, name).map(s -> registered(db, s));
    }

    @Override
    public Optional<Source> byName(String name) {
        return sources.byName(database.dsl(), name);
    }

    @Override
    public Map<Long, Source> byId() {
        return sources.all(database.dsl()).stream().collect(Collectors.toMap(Source::id, Function.identity()));
    }

    private RegisteredSource registered(DSLContext db, Source s) {
        return new RegisteredSource(s, sources.createdAt(db, s.id()).orElse(null), credentials.sourceTokens(db, s.id()),
                sources.timeZone(db, s.id()).orElse(null));
    }
}
