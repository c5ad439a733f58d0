package dev.rollcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.MatchKey;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Candidate lookup reads the match-key index and primary keys only: EXPLAIN shows no scan of persons or accounts. */
class MatchLookupIndexUseTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .build();
    @Token("workday") static String hr;

    @Test
    void candidateLookupByKeysUsesTheKeyIndexNeverAScan() {
        for (int i = 0; i < 300; i++) {
            ObjectNode u = server.json().createObjectNode();
            u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
            u.put("userName", "user" + i);
            u.putObject("name").put("givenName", "Given" + i).put("familyName", "Family" + i);
            u.putArray("emails").addObject().put("value", "user" + i + "@corp.com");
            assertThat(server.post("/scim/v2/Users", hr, u).status()).isEqualTo(201);
        }
        DSLContext dsl = server.services().database().dsl();
        dsl.execute("ANALYZE TABLE match_key, account, person");
        MatchRows rows = new MatchRows(dsl, new PersonStore(server.json()), new TxReads());
        Select<?> query = rows.hitsQuery(List.of(new MatchKey(MatchKey.EMAIL, "user7@corp.com"),
                new MatchKey(MatchKey.ALIAS, "user7@corp.com"), new MatchKey(MatchKey.NAME, "given7 family7")), 200);
        Result<Record> plan = dsl.fetch("EXPLAIN " + query.getSQL(), query.getBindValues().toArray());
        List<String> scans = plan.stream()
                .filter(r -> List.of("match_key", "account", "person").contains(r.get("table", String.class)))
                .filter(r -> "ALL".equals(r.get("type", String.class)) || "index".equals(r.get("type", String.class)))
                .map(Record::formatCSV).toList();
        assertThat(scans).as("full scans in\n%s", plan.format()).isEmpty();
    }
}
