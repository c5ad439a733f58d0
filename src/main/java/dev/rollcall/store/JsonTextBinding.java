package dev.rollcall.store;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.JSON;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * JSON columns bound as plain text. jOOQ's default wraps every bound JSON value in
 * {@code json_extract(?, '$')} for MariaDB, so the server parses each document twice (once more for the
 * column's {@code json_valid} check) and stores a reformatted copy; the text we render is valid JSON
 * already, and is now stored as written.
 */
public final class JsonTextBinding implements Binding<JSON, JSON> {
    private static final long serialVersionUID = 1L;

    @Override
    public Converter<JSON, JSON> converter() {
        return Converter.ofNullable(JSON.class, JSON.class, v -> v, v -> v);
    }

    @Override
    public void sql(BindingSQLContext<JSON> ctx) throws SQLException {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(ctx.value() == null ? null : ctx.value().data(), String.class));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<JSON> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.VARCHAR);
    }

    @Override
    public void set(BindingSetStatementContext<JSON> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.VARCHAR);
        } else {
            ctx.statement().setString(ctx.index(), ctx.value().data());
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<JSON> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetResultSetContext<JSON> ctx) throws SQLException {
        ctx.value(json(ctx.resultSet().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetStatementContext<JSON> ctx) throws SQLException {
        ctx.value(json(ctx.statement().getString(ctx.index())));
    }

    @Override
    public void get(BindingGetSQLInputContext<JSON> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    private static JSON json(String text) {
        return text == null ? null : JSON.valueOf(text);
    }
}
