package dev.rollcall.store;

import java.sql.SQLException;
import java.sql.Types;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.JSON;

/**
 * JSON columns bound as plain text. jOOQ's default wraps every bound JSON value in
 * {@code json_extract(?, '$')} for MariaDB, so the server parses each document twice (once more for the
 * column's {@code json_valid} check) and stores a reformatted copy; the text we render is valid JSON
 * already, and is now stored as written.
 */
public final class JsonTextBinding extends TextBinding<JSON> {
    private static final long serialVersionUID = 1L;

    public JsonTextBinding() {
        super(JSON.class, Types.VARCHAR);
    }

    @Override
    String text(JSON value) {
        return value.data();
    }

    @Override
    public void get(BindingGetResultSetContext<JSON> ctx) throws SQLException {
        ctx.value(json(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetStatementContext<JSON> ctx) throws SQLException {
        ctx.value(json(ctx.statement().getString(ctx.index())));
    }

    private static JSON json(String text) {
        return text == null ? null : JSON.valueOf(text);
    }
}
