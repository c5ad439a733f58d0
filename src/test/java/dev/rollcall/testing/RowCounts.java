package dev.rollcall.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Row counts of the tables a write touches, to show that a refused write wrote nothing. */
public final class RowCounts {
    private static final List<String> TABLES = List.of("account", "account_value", "account_facts", "match_key",
            "scim_group", "group_value", "group_member", "person", "event", "audit", "source");

    private RowCounts() {
    }

    public static Map<String, Integer> of(RollcallServerExtension server) {
        DSLContext db = server.services().database().dsl();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, db.fetchCount(DSL.table(DSL.name(table))));
        }
        return counts;
    }
}
