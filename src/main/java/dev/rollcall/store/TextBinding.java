package dev.rollcall.store;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.jooq.Binding;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * A column type bound as its text: a plain {@code ?} with {@code setString} (inlined as a string
 * literal), read back by the subclass. No conversion beyond that: the converter is the identity.
 */
abstract class TextBinding<T> implements Binding<T, T> {
    private static final long serialVersionUID = 1L;
    private final Class<T> type;
    private final int sqlType;

    TextBinding(Class<T> type, int sqlType) {
        this.type = type;
        this.sqlType = sqlType;
    }

    /** The text MariaDB reads for the value. */
    abstract String text(T value);

    @Override
    public final Converter<T, T> converter() {
        return Converter.ofNullable(type, type, v -> v, v -> v);
    }

    @Override
    public final void sql(BindingSQLContext<T> ctx) throws SQLException {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(DSL.inline(ctx.value() == null ? null : text(ctx.value()), String.class));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public final void register(BindingRegisterContext<T> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), sqlType);
    }

    @Override
    public final void set(BindingSetStatementContext<T> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), sqlType);
        } else {
            ctx.statement().setString(ctx.index(), text(ctx.value()));
        }
    }

    @Override
    public final void set(BindingSetSQLOutputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public final void get(BindingGetSQLInputContext<T> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }
}
