package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.PERSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.GoldenValue;
import dev.rollcall.identity.Provenance;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** Persons: state, golden record (stored as JSON with provenance) and the per-person event sequence. */
public final class PersonStore {
    private final ObjectMapper json;

    public PersonStore(ObjectMapper json) {
        this.json = json;
    }

    /** Saves the golden record and the advanced event sequence of a locked person. */
    public void save(DSLContext tx, long personPk, GoldenRecord golden, long eventSeq, Instant at) {
        tx.update(PERSON)
                .set(PERSON.GOLDEN, JSON.valueOf(toJson(golden)))
                .set(PERSON.EVENT_SEQ, eventSeq)
                .set(PERSON.VERSION, PERSON.VERSION.plus(1))
                .set(PERSON.UPDATED_AT, Clock.toDb(at))
                .where(PERSON.PK.eq(personPk))
                .execute();
    }

    String toJson(GoldenRecord golden) {
        ObjectNode root = json.createObjectNode();
        golden.values().forEach((attr, v) -> {
            ObjectNode node = root.putObject(attr);
            node.put("value", v.value());
            node.put("sourceId", v.provenance().sourceId());
            node.put("accountId", v.provenance().accountId());
            node.put("at", v.provenance().at().toString());
        });
        return root.toString();
    }

    GoldenRecord fromJson(String data) {
        try {
            JsonNode root = json.readTree(data);
            Map<String, GoldenValue> values = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                JsonNode v = e.getValue();
                values.put(e.getKey(), new GoldenValue(v.path("value").isNull() ? null : v.path("value").asText(),
                        new Provenance(v.path("sourceId").asLong(), v.path("accountId").asText(),
                                Instant.parse(v.path("at").asText()))));
            }
            return new GoldenRecord(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored golden record is not valid JSON", e);
        }
    }
}
