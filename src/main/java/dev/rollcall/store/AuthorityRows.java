package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.AUTHORITY_MATRIX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AuthorityMatrix;
import dev.rollcall.identity.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** The one row holding the authority matrix in force: {"attr": ["hris", "idp"], ...}. */
final class AuthorityRows {
    private static final int ROW = 1;
    private final ObjectMapper json;

    AuthorityRows(ObjectMapper json) {
        this.json = json;
    }

    Optional<AuthorityMatrix> load(DSLContext tx) {
        return tx.select(AUTHORITY_MATRIX.RULES).from(AUTHORITY_MATRIX).where(AUTHORITY_MATRIX.ID.eq(ROW))
                .fetchOptional(r -> parse(r.value1().data()));
    }

    void save(DSLContext tx, AuthorityMatrix matrix, String actor, Instant at) {
        ObjectNode root = json.createObjectNode();
        matrix.rules().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            var kinds = root.putArray(e.getKey());
            e.getValue().forEach(k -> kinds.add(k.wireName()));
        });
        JSON value = JSON.valueOf(root.toString());
        tx.insertInto(AUTHORITY_MATRIX)
                .set(AUTHORITY_MATRIX.ID, ROW).set(AUTHORITY_MATRIX.RULES, value)
                .set(AUTHORITY_MATRIX.UPDATED_BY, actor).set(AUTHORITY_MATRIX.UPDATED_AT, Clock.toDb(at))
                .onDuplicateKeyUpdate()
                .set(AUTHORITY_MATRIX.RULES, value)
                .set(AUTHORITY_MATRIX.UPDATED_BY, actor).set(AUTHORITY_MATRIX.UPDATED_AT, Clock.toDb(at))
                .execute();
    }

    private AuthorityMatrix parse(String data) {
        try {
            JsonNode root = json.readTree(data);
            Map<String, List<SourceKind>> rules = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                List<SourceKind> kinds = new ArrayList<>();
                e.getValue().forEach(k -> kinds.add(SourceKind.fromWireName(k.asText())));
                rules.put(e.getKey(), kinds);
            }
            return new AuthorityMatrix(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored authority matrix is not valid JSON", e);
        }
    }
}
