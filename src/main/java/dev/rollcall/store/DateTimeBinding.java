package dev.rollcall.store;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.LocalDateTime;
import org.jooq.Binding;
import org.jooq.BindingGetResultSetContext;
import org.jooq.BindingGetSQLInputContext;
import org.jooq.BindingGetStatementContext;
import org.jooq.BindingRegisterContext;
import org.jooq.BindingSQLContext;
import org.jooq.BindingSetSQLOutputContext;
import org.jooq.BindingSetStatementContext;
import org.jooq.Converter;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/**
 * DATETIME(6) columns (UTC wall-clock time, see {@link Clock}) bound as their text and read as
 * {@code LocalDateTime}. jOOQ's default goes through {@code java.sql.Timestamp}, which the driver
 * formats and parses with a {@code Calendar}: the profile of a SCIM create showed that as ~7% of its
 * CPU (a create binds about fifteen timestamps). The value stored is the same.
 */
public final class DateTimeBinding implements Binding<LocalDateTime, LocalDateTime> {
    private static final long serialVersionUID = 1L;

    @Override
    public Converter<LocalDateTime, LocalDateTime> converter() {
        return Converter.ofNullable(LocalDateTime.class, LocalDateTime.class, v -> v, v -> v);
    }

    @Override
    public void sql(BindingSQLContext<LocalDateTime> ctx) throws SQLException {
        if (ctx.render().paramType() == ParamType.INLINED) {
            ctx.render().visit(ctx.value() == null ? DSL.inline((String) null) : DSL.inline(text(ctx.value())));
        } else {
            ctx.render().sql(ctx.variable());
        }
    }

    @Override
    public void register(BindingRegisterContext<LocalDateTime> ctx) throws SQLException {
        ctx.statement().registerOutParameter(ctx.index(), Types.TIMESTAMP);
    }

    @Override
    public void set(BindingSetStatementContext<LocalDateTime> ctx) throws SQLException {
        if (ctx.value() == null) {
            ctx.statement().setNull(ctx.index(), Types.TIMESTAMP);
        } else {
            ctx.statement().setString(ctx.index(), text(ctx.value()));
        }
    }

    @Override
    public void set(BindingSetSQLOutputContext<LocalDateTime> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public void get(BindingGetResultSetContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.resultSet().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(BindingGetStatementContext<LocalDateTime> ctx) throws SQLException {
        ctx.value(ctx.statement().getObject(ctx.index(), LocalDateTime.class));
    }

    @Override
    public void get(BindingGetSQLInputContext<LocalDateTime> ctx) throws SQLException {
        throw new SQLFeatureNotSupportedException();
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSSSSS}: what MariaDB reads for DATETIME(6), written without a formatter. */
    static String text(LocalDateTime t) {
        StringBuilder b = new StringBuilder(26);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("a DATETIME year has four digits: " + t);
        }
        b.append(year).append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond()).append('.');
        String micros = Integer.toString(t.getNano() / 1000);
        b.append("000000", 0, 6 - micros.length()).append(micros);
        return b.toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
