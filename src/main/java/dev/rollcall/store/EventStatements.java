package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.EVENT;
import static org.jooq.impl.DSL.param;

/**
 * The insert of a change's events, one row each, rendered once and sent as one batch (one bulk
 * execution): every change writes one to three events, and a multi-row insert had a shape per count.
 * Shared by every transaction.
 */
final class EventStatements {
    /** id, type, person_id, person_seq, group_id, source_id, payload (JSON text), announced, created_at */
    final FixedBatch event = new FixedBatch(db -> db.insertInto(EVENT, EVENT.ID, EVENT.TYPE, EVENT.PERSON_ID,
                    EVENT.PERSON_SEQ, EVENT.GROUP_ID, EVENT.SOURCE_ID, EVENT.PAYLOAD, EVENT.ANNOUNCED, EVENT.CREATED_AT)
            .values(param("id", EVENT.ID), param("type", EVENT.TYPE), param("personId", EVENT.PERSON_ID),
                    param("personSeq", EVENT.PERSON_SEQ), param("groupId", EVENT.GROUP_ID), param("sourceId", EVENT.SOURCE_ID),
                    param("payload", EVENT.PAYLOAD), param("announced", EVENT.ANNOUNCED), param("createdAt", EVENT.CREATED_AT)), 9);
}
