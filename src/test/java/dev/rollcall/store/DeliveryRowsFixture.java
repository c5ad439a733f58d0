package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.EVENT;
import static dev.rollcall.store.generated.Tables.SUBSCRIPTION;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** Rows that the store's delivery tests write directly: a subscription to every event, and announced events. */
final class DeliveryRowsFixture {
    private DeliveryRowsFixture() {
    }

    /** An enabled Standard Webhooks subscription "s-1" to every event type; its pk. */
    static long subscription(DSLContext tx, LocalDateTime now) {
        return tx.insertInto(SUBSCRIPTION).set(SUBSCRIPTION.ID, "s-1").set(SUBSCRIPTION.NAME, "lms")
                .set(SUBSCRIPTION.URL, "http://127.0.0.1:1/").set(SUBSCRIPTION.EVENT_TYPES, "*")
                .set(SUBSCRIPTION.FORMAT, "standard-webhooks").set(SUBSCRIPTION.ENABLED, true)
                .set(SUBSCRIPTION.CREATED_AT, now).set(SUBSCRIPTION.UPDATED_AT, now)
                .returningResult(SUBSCRIPTION.PK).fetchOne().value1();
    }

    /** An announced event of the person (null: a group event) at that sequence; its id. */
    static String event(DSLContext tx, String person, Long seq, LocalDateTime now) {
        String event = UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        tx.insertInto(EVENT).set(EVENT.ID, event).set(EVENT.TYPE, person == null ? "group.updated" : "person.updated")
                .set(EVENT.PERSON_ID, person).set(EVENT.PERSON_SEQ, seq).set(EVENT.PAYLOAD, JSON.valueOf("{}"))
                .set(EVENT.ANNOUNCED, true).set(EVENT.CREATED_AT, now).execute();
        return event;
    }
}
