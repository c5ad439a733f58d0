package dev.rollcall.app;

import dev.rollcall.kernel.BackgroundTask;
import dev.rollcall.store.Database;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings the database twice per health timeout. While it does not answer, requests are refused at
 * once with 503 and the statements in flight are cut off; the first answer lets work in again.
 */
final class DatabaseWatch implements BackgroundTask {
    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);
    private final Database database;
    private final Duration interval;
    private boolean up = true;

    DatabaseWatch(Database database, Duration healthTimeout) {
        this.database = database;
        this.interval = healthTimeout.dividedBy(2);
    }

    @Override
    public String name() {
        return "database-watch";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void runOnce() {
        boolean now = database.checkHealth();
        if (now != up) {
            if (now) {
                log.info("the database answers again; accepting work");
            } else {
                log.error("the database does not answer; refusing work with 503 until it does");
            }
            up = now;
        }
    }
}
