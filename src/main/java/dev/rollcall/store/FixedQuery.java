package dev.rollcall.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
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
    private final Function<DSLContext, ResultQuery<?>> shape;
    private final int values;
    /** Rendered on first use (rendering needs a context's dialect and settings; every context here shares them). */
    private volatile Rendered rendered;

    private record Rendered(String sql, Field<?>[] fields) {
    }

    /** {@code shape}: the query, built with {@code DSL.param(...)} for each of its {@code values} bind values, in order. */
    FixedQuery(Function<DSLContext, ResultQuery<?>> shape, int values) {
        this.shape = shape;
        this.values = values;
    }

    private Rendered rendered(DSLContext db) {
        Rendered r = rendered;
        if (r == null) {
            ResultQuery<?> query = shape.apply(db);
            r = new Rendered(rendered(db, query, values), query.fields());
            rendered = r;
        }
        return r;
    }

    /** The statement's SQL, checked to take exactly {@code values} bind values (so a literal cannot slip in as one). */
    static String rendered(DSLContext db, Query query, int values) {
        String sql = db.render(query);
        long marks = sql.chars().filter(c -> c == '?').count();
        if (marks != values) {
            throw new IllegalStateException("expected " + values + " bind values, rendered " + marks + ": " + sql);
        }
        return sql;
    }

    <R> List<R> fetch(DSLContext db, RecordMapper<Record, R> mapper, Object... bound) {
        if (bound.length != values) {
            throw new IllegalArgumentException("expected " + values + " values, got " + bound.length);
        }
        Rendered query = rendered(db);
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query.sql())) {
                for (int i = 0; i < bound.length; i++) {
                    statement.setObject(i + 1, bound[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return db.fetch(rows, query.fields()).map(mapper);
                }
            }
        });
    }
}
