package dev.rollcall.store;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The audit hash chain. Writers append rows unlinked, so they never contend for the chain head;
 * the sealer links each committed row on its next pass, whatever order transactions commit in.
 * Every seq up to the head is accounted for — a linked row, a linked gap record (a seq no
 * transaction committed), or a pending hole (a seq an open transaction still holds) — so a row
 * deleted or inserted later breaks verification ({@link AuditVerifier}).
 */
public final class AuditChain {
    private final Database database;
    private final AuditStore store = new AuditStore();
    private final AuditHoles holes = new AuditHoles();

    /**
     * What one pass did: rows linked, whether more were waiting, and the seqs that failed their
     * content hash (altered before sealing) or were deleted after a later row saw them.
     */
    public record SealPass(int linked, boolean more, List<Long> suspect) {
    }

    public AuditChain(Database database) {
        this.database = database;
    }

    /**
     * Links up to {@code batch} newly committed rows and settles the holes whose transactions have
     * ended. Several instances may run this: a named lock (per database) lets one seal at a time.
     */
    public SealPass sealPending(Instant now, int batch) {
        return database.dsl().connectionResult(connection -> {
            DSLContext db = DSL.using(connection, database.dsl().dialect(), database.dsl().settings());
            Field<String> lock = DSL.concat(DSL.inline("rollcall.audit.seal:"), DSL.left(DSL.field("DATABASE()", String.class), 40));
            Integer locked = db.select(DSL.field("GET_LOCK({0}, 0)", Integer.class, lock)).fetchOne(0, Integer.class);
            if (locked == null || locked != 1) {
                return new SealPass(0, false, List.of());
            }
            try {
                // probed before the transaction, in autocommit, so no probe's lock outlives its read
                List<AuditHoles.Hole> settled = holes.pending(db, batch).stream().filter(h -> holes.settled(db, h)).toList();
                return db.transactionResult(cfg -> new AuditSealing(cfg.dsl(), store, holes, now).run(settled, batch));
            } finally {
                db.select(DSL.field("RELEASE_LOCK({0})", Integer.class, lock)).fetch();
            }
        });
    }

    /**
     * Recomputes the chain and checks that every seq is accounted for, all in one consistent snapshot:
     * a sealer running meanwhile must not make the anchor and the rows disagree.
     */
    public AuditVerification verify() {
        return database.dsl().connectionResult(connection -> {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            try {
                DSLContext db = DSL.using(connection, database.dsl().dialect(), database.dsl().settings());
                db.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
                return new AuditVerifier(db, holes).verify();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        });
    }
}
