package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.EVENT;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.rollcall.events.EventLog;
import dev.rollcall.events.NewEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep9;
import org.jooq.JSON;
import org.jooq.impl.DSL;

/**
 * The event log over one transaction: every event of the change, in order, with one statement and a
 * fresh ULID each. This is the one place that sees every event as it is written; the outbox adds the
 * delivery rows of announced events (StoreOutbox) when the change is about to commit, so that what a
 * delivery shows of its person or group is what the change leaves behind.
 */
final class StoreEventLog implements EventLog {
    private final DSLContext tx;
    private final EventJson json;
    private final StoreOutbox outbox;
    private final TxReads reads;
    private final List<StoreOutbox.Appended> appended = new ArrayList<>();

    StoreEventLog(DSLContext tx, EventJson json, StoreOutbox outbox, TxReads reads) {
        this.tx = tx;
        this.json = json;
        this.outbox = outbox;
        this.reads = reads;
    }

    @Override
    public void append(Instant at, List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        LocalDateTime created = Clock.toDb(at);
        InsertValuesStep9<?, String, String, String, Long, String, Long, JSON, Boolean, LocalDateTime> insert =
                tx.insertInto(EVENT, EVENT.ID, EVENT.TYPE, EVENT.PERSON_ID, EVENT.PERSON_SEQ, EVENT.GROUP_ID,
                        EVENT.SOURCE_ID, EVENT.PAYLOAD, EVENT.ANNOUNCED, EVENT.CREATED_AT);
        List<String> ids = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            String id = UlidCreator.getMonotonicUlid().toString();
            ids.add(id);
            insert = insert.values(DSL.val(id), DSL.val(e.type().wireName()),
                    DSL.val(e.personId()), DSL.val(e.personSeq()), DSL.val(e.groupId()), DSL.val(e.sourceId()),
                    DSL.val(JSON.valueOf(json.write(e.payload()))), DSL.val(e.announced()), DSL.val(created));
        }
        insert.execute();
        appended.add(new StoreOutbox.Appended(created, ids, List.copyOf(events)));
    }

    /** The outbox rows of everything appended in this transaction; called once, just before it commits. */
    void beforeCommit() {
        if (!appended.isEmpty()) {
            outbox.add(tx, appended, reads);
            appended.clear();
        }
    }
}
