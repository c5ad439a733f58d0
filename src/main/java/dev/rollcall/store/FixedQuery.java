package dev.rollcall.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;

/**
 * A read whose SQL never changes shape, rendered once and then run through JDBC with its values only.
 * jOOQ renders a query anew on every execution (and even rescans the text of plain SQL for templates):
 * on a GET that cost more CPU than the database spent answering. The rows still come back as jOOQ
 * records of the query's own fields, read with their bindings, so mapping them is unchanged.
 */
final class FixedQuery {
    private final String sql;
    private final Field<?>[] fields;
    private final int values;

    /** {@code query}: built with {@code DSL.param(...)} for each of its {@code values} bind values, in order. */
    FixedQuery(DSLContext db, ResultQuery<?> query, int values) {
        this.sql = db.render(query);
        this.fields = query.fields();
        this.values = values;
        long marks = sql.chars().filter(c -> c == '?').count();
        if (marks != values) {
            throw new IllegalStateException("expected " + values + " bind values, rendered " + marks + ": " + sql);
        }
    }

    <R> List<R> fetch(DSLContext db, RecordMapper<Record, R> mapper, Object... bound) {
        if (bound.length != values) {
            throw new IllegalArgumentException("expected " + values + " values, got " + bound.length);
        }
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < bound.length; i++) {
                    statement.setObject(i + 1, bound[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return db.fetch(rows, fields).map(mapper);
                }
            }
        });
    }

    @Override
    public String toString() {
        return sql;
    }
}
