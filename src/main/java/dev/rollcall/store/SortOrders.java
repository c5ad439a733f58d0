package dev.rollcall.store;

import java.util.List;
import org.jooq.Field;
import org.jooq.SortField;

/** ORDER BY for a client's sortBy: the attribute (resources without it last), then a stable tie-break. */
public final class SortOrders {
    private SortOrders() {
    }

    public static List<SortField<?>> by(Field<?> field, boolean descending, SortField<?> tieBreak) {
        SortField<?> primary = descending ? field.desc().nullsLast() : field.asc().nullsLast();
        return List.of(primary, tieBreak);
    }
}
