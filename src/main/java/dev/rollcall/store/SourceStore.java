package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.SOURCE;

import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Sources: the upstream systems allowed to push. */
public final class SourceStore {

    public Source insert(DSLContext tx, String name, SourceKind kind, boolean mayCreatePersons, boolean assertsWorkerIds) {
        long id = tx.insertInto(SOURCE)
                .set(SOURCE.NAME, name)
                .set(SOURCE.KIND, toDb(kind))
                .set(SOURCE.MAY_CREATE_PERSONS, mayCreatePersons)
                .set(SOURCE.ASSERTS_WORKER_IDS, assertsWorkerIds)
                .returningResult(SOURCE.ID)
                .fetchOne()
                .value1();
        return new Source(id, name, kind, mayCreatePersons, assertsWorkerIds);
    }

    public Optional<Source> byName(DSLContext tx, String name) {
        return tx.selectFrom(SOURCE).where(SOURCE.NAME.eq(name)).fetchOptional().map(SourceStore::toSource);
    }

    /** The source by name, its row locked for the rest of the transaction (serialises token rotation). */
    public Optional<Source> lockByName(DSLContext tx, String name) {
        return tx.selectFrom(SOURCE).where(SOURCE.NAME.eq(name)).forUpdate().fetchOptional().map(SourceStore::toSource);
    }

    /** When the source was registered. */
    public Optional<java.time.Instant> createdAt(DSLContext tx, long id) {
        return tx.select(SOURCE.CREATED_AT).from(SOURCE).where(SOURCE.ID.eq(id)).fetchOptional(r -> Clock.fromDb(r.value1()));
    }

    public Optional<Source> byId(DSLContext tx, long id) {
        return tx.selectFrom(SOURCE).where(SOURCE.ID.eq(id)).fetchOptional().map(SourceStore::toSource);
    }

    public List<Source> all(DSLContext tx) {
        return tx.selectFrom(SOURCE).orderBy(SOURCE.ID).fetch(SourceStore::toSource);
    }

    static Source toSource(Record r) {
        return new Source(r.get(SOURCE.ID), r.get(SOURCE.NAME), fromDb(r.get(SOURCE.KIND)), r.get(SOURCE.MAY_CREATE_PERSONS),
                r.get(SOURCE.ASSERTS_WORKER_IDS), r.get(SOURCE.CORRELATION_ATTRIBUTE));
    }

    private static dev.rollcall.store.generated.enums.SourceKind toDb(SourceKind kind) {
        return dev.rollcall.store.generated.enums.SourceKind.valueOf(kind.wireName());
    }

    private static SourceKind fromDb(dev.rollcall.store.generated.enums.SourceKind kind) {
        return SourceKind.fromWireName(kind.getLiteral());
    }

    public void setAssertsWorkerIds(DSLContext tx, long sourceId, boolean asserts) {
        tx.update(SOURCE).set(SOURCE.ASSERTS_WORKER_IDS, asserts).where(SOURCE.ID.eq(sourceId)).execute();
    }

    public Optional<String> timeZone(DSLContext tx, long sourceId) {
        return tx.select(SOURCE.TIME_ZONE).from(SOURCE).where(SOURCE.ID.eq(sourceId)).fetchOptional(SOURCE.TIME_ZONE);
    }

    public void setTimeZone(DSLContext tx, long sourceId, String zoneId) {
        tx.update(SOURCE).set(SOURCE.TIME_ZONE, zoneId).where(SOURCE.ID.eq(sourceId)).execute();
    }

    public void setCorrelationAttribute(DSLContext tx, long sourceId, String attribute) {
        tx.update(SOURCE).set(SOURCE.CORRELATION_ATTRIBUTE, attribute).where(SOURCE.ID.eq(sourceId)).execute();
    }
}
