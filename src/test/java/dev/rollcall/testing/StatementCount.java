package dev.rollcall.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.impl.DefaultExecuteListenerProvider;

/** Counts the SQL statements jOOQ executes through one derived context (regression guards on statements per change). */
public final class StatementCount {
    private final AtomicInteger executed = new AtomicInteger();
    private final DSLContext counted;

    /** A context over the same connections as {@code base}, counting every statement executed through it. */
    public StatementCount(DSLContext base) {
        this.counted = base.configuration().deriveAppending(new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                executed.incrementAndGet();
            }
        })).dsl();
    }

    public DSLContext dsl() {
        return counted;
    }

    /** The statements counted since the last call (or since the start). */
    public int take() {
        return executed.getAndSet(0);
    }
}
