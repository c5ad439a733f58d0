package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUDIT;
import static dev.rollcall.store.generated.Tables.AUDIT_HOLE;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Seq ranges the sealer passed while they were not committed. InnoDB never hands out an
 * auto-increment value twice, so such a seq is either held by a transaction still open or will
 * never be committed; a locking read without waiting tells the two apart exactly.
 */
final class AuditHoles {
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

    record Hole(long from, long through) {
    }

    List<Hole> pending(DSLContext db, int limit) {
        return db.selectFrom(AUDIT_HOLE).orderBy(AUDIT_HOLE.FROM_SEQ).limit(limit).fetch()
                .map(r -> new Hole(r.getFromSeq(), r.getThroughSeq()));
    }

    List<Hole> all(DSLContext db) {
        return db.selectFrom(AUDIT_HOLE).orderBy(AUDIT_HOLE.FROM_SEQ).fetch()
                .map(r -> new Hole(r.getFromSeq(), r.getThroughSeq()));
    }

    /**
     * True when no open transaction holds a seq of the hole: each is now committed or never will be.
     * Run outside a transaction (autocommit), so the share locks go as soon as the read ends.
     */
    boolean settled(DSLContext db, Hole hole) {
        try {
            db.resultQuery("SELECT seq FROM audit WHERE seq BETWEEN {0} AND {1} LOCK IN SHARE MODE NOWAIT",
                    hole.from(), hole.through()).fetch();
            return true;
        } catch (DataAccessException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
                    return false;
                }
            }
            throw e;
        }
    }

    /** Seqs of the hole that a later row names as committed: rows deleted, not rolled back. */
    Set<Long> witnessed(DSLContext tx, Hole hole) {
        return tx.selectDistinct(AUDIT.WITNESS_SEQ).from(AUDIT)
                .where(AUDIT.WITNESS_SEQ.between(hole.from(), hole.through())).fetch(AUDIT.WITNESS_SEQ)
                .stream().collect(Collectors.toSet());
    }

    void add(DSLContext tx, long from, long through, Instant now) {
        tx.insertInto(AUDIT_HOLE).set(AUDIT_HOLE.FROM_SEQ, from).set(AUDIT_HOLE.THROUGH_SEQ, through)
                .set(AUDIT_HOLE.SEEN_AT, Clock.toDb(now)).execute();
    }

    void remove(DSLContext tx, Hole hole) {
        tx.deleteFrom(AUDIT_HOLE).where(AUDIT_HOLE.FROM_SEQ.eq(hole.from())).execute();
    }
}
