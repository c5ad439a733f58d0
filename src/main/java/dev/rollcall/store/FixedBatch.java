package dev.rollcall.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * A write whose SQL never changes shape, rendered once and run for one row, or for many as one JDBC
 * batch: the driver sends that to MariaDB as one bulk execution (one round trip; the statement is
 * prepared once per connection and parsed once). A multi-row statement built by jOOQ has a new shape for every row count:
 * rendered anew each time, and prepared anew on the server for each count it has not seen lately.
 */
final class FixedBatch {
    private final Function<DSLContext, Query> shape;
    private final int values;
    /** Rendered on first use (rendering needs a context's dialect and settings; every context here shares them). */
    private volatile String sql;

    /** {@code shape}: the statement, built with {@code DSL.param(...)} for each of its {@code values} bind values, in order. */
    FixedBatch(Function<DSLContext, Query> shape, int values) {
        this.shape = shape;
        this.values = values;
    }

    private String sql(DSLContext db) {
        String s = sql;
        if (s == null) {
            s = FixedQuery.rendered(db, shape.apply(db), values);
            sql = s;
        }
        return s;
    }

    /** Runs the statement once with these values, on the context's connection (so inside its transaction). */
    void executeOne(DSLContext db, Object... row) {
        String statementSql = sql(db);
        db.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(statementSql)) {
                bind(statement, row);
                statement.executeUpdate();
            }
        });
    }

    /** Runs the statement once per row of values, on the context's connection (so inside its transaction). */
    void execute(DSLContext db, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String statementSql = sql(db);
        db.connection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(statementSql)) {
                for (Object[] row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    private void bind(PreparedStatement statement, Object[] row) throws SQLException {
        if (row.length != values) {
            throw new IllegalArgumentException("expected " + values + " values, got " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            statement.setObject(i + 1, row[i]);
        }
    }
}
