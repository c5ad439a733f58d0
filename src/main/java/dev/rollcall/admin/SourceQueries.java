package dev.rollcall.admin;

import dev.rollcall.identity.Source;
import dev.rollcall.store.CredentialStore;
import dev.rollcall.store.CredentialStore.TokenInfo;
import dev.rollcall.store.Database;
import dev.rollcall.store.SourceStore;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** What IT reads about sources: each source with its tokens (ids, names, dates; never secrets). */
public final class SourceQueries {

    public record SourceState(Source source, Instant createdAt, List<TokenInfo> tokens) {
    }

    private final Database database;
    private final SourceStore sources;
    private final CredentialStore credentials;

    public SourceQueries(Database database, SourceStore sources, CredentialStore credentials) {
        this.database = database;
        this.sources = sources;
        this.credentials = credentials;
    }

    public List<SourceState> all() {
        DSLContext db = database.dsl();
        return sources.all(db).stream().map(s -> state(db, s)).toList();
    }

    public SourceState byName(String name) {
        DSLContext db = database.dsl();
        return sources.byName(db, name).map(s -> state(db, s)).orElseThrow(() -> SourceTokens.unknownSource(name));
    }

    private SourceState state(DSLContext db, Source s) {
        return new SourceState(s, sources.createdAt(db, s.id()).orElse(null), credentials.sourceTokens(db, s.id()));
    }
}
