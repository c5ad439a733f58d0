package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.PERSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.GoldenValue;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.Provenance;
import dev.rollcall.store.generated.enums.PersonState;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;

/** Persons: state, golden record (stored as JSON with provenance) and the per-person event sequence. */
public final class PersonStore {
    private final ObjectMapper json;

    public PersonStore(ObjectMapper json) {
        this.json = json;
    }

    /** Inserts a new active person with its first golden record and events already counted. */
    public PersonRef insert(DSLContext tx, Instant at, GoldenRecord golden, long eventSeq) {
        String id = UUID.randomUUID().toString();
        long pk = tx.insertInto(PERSON)
                .set(PERSON.ID, id)
                .set(PERSON.STATE, PersonState.active)
                .set(PERSON.GOLDEN, JSON.valueOf(toJson(golden)))
                .set(PERSON.EVENT_SEQ, eventSeq)
                .set(PERSON.CREATED_AT, Clock.toDb(at))
                .set(PERSON.UPDATED_AT, Clock.toDb(at))
                .returningResult(PERSON.PK)
                .fetchOne()
                .value1();
        return new PersonRef(pk, id);
    }

    /** Loads a person for change, locking its row for the rest of the transaction. */
    public LockedPerson lock(DSLContext tx, long personPk) {
        return tx.select(PERSON.ID, PERSON.GOLDEN, PERSON.EVENT_SEQ).from(PERSON).where(PERSON.PK.eq(personPk)).forUpdate()
                .fetchOne(r -> new LockedPerson(personPk, r.value1(), fromJson(r.value2().data()), r.value3()));
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
