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
import org.jooq.JSON;
import org.jooq.impl.DSL;

/**
 * The event log over one transaction: every event of the change, in order, each with a fresh ULID when it
 * is appended. This is the one place that sees every event; the rows are written just before the change
 * commits, all in one statement and each with the snapshot the outbox keeps for its deliveries (what the
 * change leaves behind of its person or group), followed by the delivery rows (StoreOutbox).
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
        List<String> ids = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ids.add(UlidCreator.getMonotonicUlid().toString());
        }
        appended.add(new StoreOutbox.Appended(Clock.toDb(at), ids, List.copyOf(events)));
    }

    /** Writes everything appended in this transaction with its outbox rows; called once, just before it commits. */
    void beforeCommit() {
        if (appended.isEmpty()) {
            return;
        }
        StoreOutbox.Plan plan = outbox.plan(tx, appended, reads);
        var insert = tx.insertInto(EVENT, EVENT.ID, EVENT.TYPE, EVENT.PERSON_ID, EVENT.PERSON_SEQ, EVENT.GROUP_ID,
                EVENT.SOURCE_ID, EVENT.PAYLOAD, EVENT.ANNOUNCED, EVENT.CREATED_AT, EVENT.SNAPSHOT);
        for (StoreOutbox.Appended a : appended) {
            for (int i = 0; i < a.events().size(); i++) {
                NewEvent e = a.events().get(i);
                String id = a.ids().get(i);
                String snapshot = plan.snapshots().get(id);
                insert = insert.values(DSL.val(id), DSL.val(e.type().wireName()),
                        DSL.val(e.personId(), EVENT.PERSON_ID), DSL.val(e.personSeq(), EVENT.PERSON_SEQ),
                        DSL.val(e.groupId(), EVENT.GROUP_ID), DSL.val(e.sourceId(), EVENT.SOURCE_ID),
                        DSL.val(JSON.valueOf(json.write(e.payload())), EVENT.PAYLOAD), DSL.val(e.announced()),
                        DSL.val(a.at(), EVENT.CREATED_AT),
                        DSL.val(snapshot == null ? null : JSON.valueOf(snapshot), EVENT.SNAPSHOT));
            }
        }
        insert.execute();
        outbox.insertDeliveries(tx, plan);
        appended.clear();
    }
}
