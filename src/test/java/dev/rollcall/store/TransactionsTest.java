package dev.rollcall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transaction boundary on real MariaDB: START TRANSACTION … COMMIT on a connection left in autocommit
 * mode. A pool of one connection makes every case reuse the connection the one before it ended with.
 */
class TransactionsTest {
    private static FilterTestDatabase db;
    private static Database single;
    private static Transactions transactions;

    @BeforeAll
    static void open() {
        db = new FilterTestDatabase();
        db.dsl().execute("CREATE TABLE tx_probe (k INT PRIMARY KEY, v INT NOT NULL)");
        single = db.anotherPool(1);
        transactions = new Transactions(single);
    }

    @AfterAll
    static void close() {
        single.close();
        db.close();
    }

    @BeforeEach
    void empty() {
        db.dsl().execute("DELETE FROM tx_probe");
    }

    @Test
    void committedWorkIsSeenByOtherConnectionsAndTheConnectionIsBackInAutocommit() {
        transactions.inTransaction(tx -> tx.execute("INSERT INTO tx_probe VALUES (1, 1)"));
        assertThat(value(db.dsl(), "SELECT COUNT(*) FROM tx_probe")).isEqualTo(1);
        assertThat(value(single.dsl(), "SELECT @@in_transaction")).isZero();
        assertThat(value(single.dsl(), "SELECT @@autocommit")).isEqualTo(1);
    }

    @Test
    void workIsInvisibleToOthersUntilItCommits() {
        Integer seenInside = transactions.inTransaction(tx -> {
            tx.execute("INSERT INTO tx_probe VALUES (2, 2)");
            return value(db.dsl(), "SELECT COUNT(*) FROM tx_probe");
        });
        assertThat(seenInside).isZero();
        assertThat(value(db.dsl(), "SELECT COUNT(*) FROM tx_probe")).isEqualTo(1);
    }

    @Test
    void aFailureRollsBackEveryStatementAndTheNextWorkStartsClean() {
        assertThatThrownBy(() -> transactions.inTransaction(tx -> {
            tx.execute("INSERT INTO tx_probe VALUES (3, 3)");
            throw new IllegalStateException("the work failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the work failed");
        assertThat(value(db.dsl(), "SELECT COUNT(*) FROM tx_probe")).isZero();
        assertThat(value(single.dsl(), "SELECT @@in_transaction")).isZero();
        // an autocommit write on the same pooled connection is committed at once
        single.dsl().execute("INSERT INTO tx_probe VALUES (4, 4)");
        assertThat(value(db.dsl(), "SELECT COUNT(*) FROM tx_probe")).isEqualTo(1);
    }

    @Test
    void aFailedStatementRollsBackTheStatementsBeforeIt() {
        assertThatThrownBy(() -> transactions.inTransaction(tx -> {
            tx.execute("INSERT INTO tx_probe VALUES (5, 5)");
            return tx.execute("INSERT INTO tx_probe VALUES (5, 6)");
        })).isInstanceOf(DataAccessException.class);
        assertThat(value(db.dsl(), "SELECT COUNT(*) FROM tx_probe")).isZero();
    }

    @Test
    void aDeadlockVictimIsRunAgainAndCommitsOnce() throws Exception {
        db.dsl().execute("INSERT INTO tx_probe VALUES (10, 0), (11, 0)");
        Transactions other = new Transactions(db.database());
        CountDownLatch bothHoldOneRow = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = two.submit(() -> transactions.inTransaction(tx -> lockBoth(tx, 10, 11, bothHoldOneRow, runs)));
            Future<?> b = two.submit(() -> other.inTransaction(tx -> lockBoth(tx, 11, 10, bothHoldOneRow, runs)));
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }
        assertThat(runs.get()).as("one of the two ran again after InnoDB chose it as the victim").isEqualTo(3);
        assertThat(value(db.dsl(), "SELECT SUM(v) FROM tx_probe")).isEqualTo(4);
    }

    private static int value(DSLContext dsl, String sql) {
        return dsl.fetchOne(sql).get(0, Integer.class);
    }

    private static int lockBoth(DSLContext tx, int first, int second, CountDownLatch bothHoldOneRow, AtomicInteger runs) {
        runs.incrementAndGet();
        tx.execute("UPDATE tx_probe SET v = v + 1 WHERE k = " + first);
        bothHoldOneRow.countDown();
        try {
            bothHoldOneRow.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tx.execute("UPDATE tx_probe SET v = v + 1 WHERE k = " + second);
    }
}
