package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.SIGNING_KEY;

import dev.rollcall.delivery.rules.EncryptedSecret;
import dev.rollcall.delivery.rules.SigningKey;
import dev.rollcall.delivery.rules.SigningKeyRows;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;

/** The signing_key table, over a transaction or the pool (a handful of rows: read whole). */
public final class SigningKeyStore implements SigningKeyRows {
    private final DSLContext db;

    SigningKeyStore(DSLContext db) {
        this.db = db;
    }

    /** Reads over the pool, outside any change. */
    public static SigningKeyRows over(Database database) {
        return new SigningKeyStore(database.dsl());
    }

    @Override
    public List<SigningKey> published(Instant now) {
        LocalDateTime at = Clock.toDb(now);
        return db.selectFrom(SIGNING_KEY).where(SIGNING_KEY.RETIRES_AT.isNull().or(SIGNING_KEY.RETIRES_AT.gt(at)))
                .orderBy(SIGNING_KEY.PK)
                .fetch(r -> new SigningKey(r.getKid(), r.getAlg(), new EncryptedSecret(r.getNonce(), r.getCiphertext()),
                        r.getPublicJwk(), Clock.fromDb(r.getCreatedAt()), Clock.fromDb(r.getRetiresAt())));
    }

    @Override
    public void rotate(SigningKey fresh, Instant now, Instant previousUntil) {
        LocalDateTime at = Clock.toDb(now);
        db.deleteFrom(SIGNING_KEY).where(SIGNING_KEY.ALG.eq(fresh.alg())).and(SIGNING_KEY.RETIRES_AT.le(at)).execute();
        db.update(SIGNING_KEY).set(SIGNING_KEY.RETIRES_AT, Clock.toDb(previousUntil))
                .where(SIGNING_KEY.ALG.eq(fresh.alg())).and(SIGNING_KEY.RETIRES_AT.isNull()).execute();
        db.insertInto(SIGNING_KEY).set(SIGNING_KEY.KID, fresh.kid()).set(SIGNING_KEY.ALG, fresh.alg())
                .set(SIGNING_KEY.NONCE, fresh.sealedPrivate().nonce()).set(SIGNING_KEY.CIPHERTEXT, fresh.sealedPrivate().ciphertext())
                .set(SIGNING_KEY.PUBLIC_JWK, fresh.publicJwk()).set(SIGNING_KEY.CREATED_AT, at).execute();
    }
}
