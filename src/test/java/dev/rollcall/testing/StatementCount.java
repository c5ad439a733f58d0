package dev.rollcall.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;

/**
 * Counts the SQL statements executed through one derived context, at the JDBC level (regression guards
 * on statements per change): every {@code execute…} of a statement made on a connection of that context,
 * so also what runs on the connection directly (START TRANSACTION and COMMIT, pre-rendered reads,
 * fixed-shape batches), which a jOOQ execute listener would not see. A batch counts once: one bulk
 * execution on MariaDB (the driver sends ON DUPLICATE KEY UPDATE batches row by row, which this cannot see).
 */
public final class StatementCount {
    private final AtomicInteger executed = new AtomicInteger();
    private final DSLContext counted;

    /** A context over the same connections as {@code base}, counting every statement executed through it. */
    public StatementCount(DSLContext base) {
        ConnectionProvider pool = base.configuration().connectionProvider();
        this.counted = base.configuration().derive(new ConnectionProvider() {
            @Override
            public Connection acquire() {
                return counting(pool.acquire());
            }

            @Override
            public void release(Connection connection) {
                pool.release(((Counting) Proxy.getInvocationHandler(connection)).target(Connection.class));
            }
        }).dsl();
    }

    public DSLContext dsl() {
        return counted;
    }

    /** The statements counted since the last call (or since the start). */
    public int take() {
        return executed.getAndSet(0);
    }

    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Counting(connection, true));
    }

    /** Delegates every call; on a connection wraps the statements it makes, on a statement counts its executions. */
    private final class Counting implements InvocationHandler {
        private final Object target;
        private final boolean connection;

        Counting(Object target, boolean connection) {
            this.target = target;
            this.connection = connection;
        }

        <T> T target(Class<T> type) {
            return type.cast(target);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (!connection && method.getName().startsWith("execute")) {
                executed.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (connection && result instanceof Statement) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Counting(result, false));
            }
            return result;
        }
    }
}
