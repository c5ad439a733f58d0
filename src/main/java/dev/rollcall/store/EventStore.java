package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.EVENT;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** Appends immutable events inside the transaction of the change that caused them. */
public final class EventStore {

    /** An event to append; personSeq is the person's sequence number, already advanced by the caller. */
    public record NewEvent(String type, String personId, Long personSeq, String groupId, Long sourceId, String payloadJson) {
    }

    /** Appends the event and returns its ULID. */
    public String append(DSLContext tx, Instant at, NewEvent e) {
        String id = UlidCreator.getMonotonicUlid().toString();
        tx.insertInto(EVENT)
                .set(EVENT.ID, id)
                .set(EVENT.TYPE, e.type())
                .set(EVENT.PERSON_ID, e.personId())
                .set(EVENT.PERSON_SEQ, e.personSeq())
                .set(EVENT.GROUP_ID, e.groupId())
                .set(EVENT.SOURCE_ID, e.sourceId())
                .set(EVENT.PAYLOAD, JSON.valueOf(e.payloadJson()))
                .set(EVENT.CREATED_AT, Clock.toDb(at))
                .execute();
        return id;
    }
}
