package dev.rollcall.store;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.rollcall.events.EventLog;
import dev.rollcall.events.NewEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The event log over one transaction: every event of the change, in order, with one statement (a batch
 * of one fixed-shape row each, {@link EventStatements}) and a fresh ULID each. This is the one place that sees every event as it is written; the outbox adds the
 * delivery rows of announced events (StoreOutbox) when the change is about to commit, so that what a
 * delivery shows of its person or group is what the change leaves behind.
 */
final class StoreEventLog implements EventLog {
    private final DSLContext tx;
    private final EventJson json;
    private final EventStatements statements;
    private final StoreOutbox outbox;
    private final TxReads reads;
    private final List<StoreOutbox.Appended> appended = new ArrayList<>();

    StoreEventLog(DSLContext tx, EventJson json, EventStatements statements, StoreOutbox outbox, TxReads reads) {
        this.tx = tx;
        this.json = json;
        this.statements = statements;
        this.outbox = outbox;
        this.reads = reads;
    }

    @Override
    public void append(Instant at, List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        LocalDateTime created = Clock.toDb(at);
        List<String> ids = new ArrayList<>(events.size());
        List<Object[]> rows = new ArrayList<>(events.size());
        for (NewEvent e : events) {
            String id = UlidCreator.getMonotonicUlid().toString();
            ids.add(id);
            rows.add(new Object[] {id, e.type().wireName(), e.personId(), e.personSeq(), e.groupId(), e.sourceId(),
                    json.write(e.payload()), e.announced(), created});
        }
        statements.event.execute(tx, rows);
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
