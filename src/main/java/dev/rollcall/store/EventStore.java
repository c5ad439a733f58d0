package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.EVENT;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep8;
import org.jooq.JSON;
import org.jooq.impl.DSL;

/** Appends immutable events inside the transaction of the change that caused them. */
public final class EventStore {

    /** An event to append; personSeq is the person's sequence number, already advanced by the caller. */
    public record NewEvent(String type, String personId, Long personSeq, String groupId, Long sourceId, String payloadJson) {
    }

    /** Appends the events with one statement, in order, each with a fresh ULID. */
    public void append(DSLContext tx, Instant at, List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        LocalDateTime created = Clock.toDb(at);
        InsertValuesStep8<?, String, String, String, Long, String, Long, JSON, LocalDateTime> insert = tx.insertInto(EVENT,
                EVENT.ID, EVENT.TYPE, EVENT.PERSON_ID, EVENT.PERSON_SEQ, EVENT.GROUP_ID, EVENT.SOURCE_ID, EVENT.PAYLOAD,
                EVENT.CREATED_AT);
        for (NewEvent e : events) {
            insert = insert.values(DSL.val(UlidCreator.getMonotonicUlid().toString()), DSL.val(e.type()),
                    DSL.val(e.personId()), DSL.val(e.personSeq()), DSL.val(e.groupId()), DSL.val(e.sourceId()),
                    DSL.val(JSON.valueOf(e.payloadJson())), DSL.val(created));
        }
        insert.execute();
    }
}
