package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.LIFECYCLE_REVOCATION;

import dev.rollcall.lifecycle.Revocations;
import java.time.Instant;
import org.jooq.DSLContext;

/** Revocation rows (one per revoked person) in one transaction. */
final class StoreRevocations implements Revocations {
    private final DSLContext tx;

    StoreRevocations(DSLContext tx) {
        this.tx = tx;
    }

    @Override
    public void mark(long personPk, String actor, String reason, Instant at) {
        tx.insertInto(LIFECYCLE_REVOCATION)
                .set(LIFECYCLE_REVOCATION.PERSON_PK, personPk)
                .set(LIFECYCLE_REVOCATION.ACTOR, actor)
                .set(LIFECYCLE_REVOCATION.REASON, reason)
                .set(LIFECYCLE_REVOCATION.REVOKED_AT, Clock.toDb(at))
                .onDuplicateKeyUpdate()
                .set(LIFECYCLE_REVOCATION.ACTOR, actor)
                .set(LIFECYCLE_REVOCATION.REASON, reason)
                .set(LIFECYCLE_REVOCATION.REVOKED_AT, Clock.toDb(at))
                .execute();
    }

    @Override
    public boolean isRevoked(long personPk) {
        return tx.fetchExists(LIFECYCLE_REVOCATION, LIFECYCLE_REVOCATION.PERSON_PK.eq(personPk));
    }

    @Override
    public boolean clear(long personPk) {
        return tx.deleteFrom(LIFECYCLE_REVOCATION).where(LIFECYCLE_REVOCATION.PERSON_PK.eq(personPk)).execute() > 0;
    }
}
