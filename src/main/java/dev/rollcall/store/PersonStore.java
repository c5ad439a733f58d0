package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.PERSON;
import static dev.rollcall.store.generated.Tables.WORKER_LINK;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.param;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.GoldenRecord;
import dev.rollcall.identity.GoldenValue;
import dev.rollcall.identity.PersonRef;
import dev.rollcall.identity.Provenance;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Persons: state, golden record (stored as JSON with provenance) and the per-person event sequence. */
public final class PersonStore {
    private final ObjectMapper json;
    /** golden, event_seq, updated_at, pk: the write of every change to a person, rendered once. */
    private final FixedBatch saved = new FixedBatch(db -> db.update(PERSON)
            .set(PERSON.GOLDEN, param("golden", PERSON.GOLDEN))
            .set(PERSON.EVENT_SEQ, param("eventSeq", PERSON.EVENT_SEQ))
            .set(PERSON.VERSION, PERSON.VERSION.plus(inline(1L)))
            .set(PERSON.UPDATED_AT, param("at", PERSON.UPDATED_AT))
            .where(PERSON.PK.eq(param("pk", PERSON.PK))), 4);

    /** The person a worker id is linked to, asked by every push that carries one, rendered once. */
    private final FixedQuery ofWorker = new FixedQuery(db -> db.select(PERSON.PK, PERSON.ID).from(WORKER_LINK).join(PERSON)
            .on(PERSON.PK.eq(WORKER_LINK.PERSON_PK)).where(WORKER_LINK.WORKER_ID.eq(param("workerId", WORKER_LINK.WORKER_ID))), 1);

    public PersonStore(ObjectMapper json) {
        this.json = json;
    }

    /** Saves the golden record and the advanced event sequence of a locked person. */
    public void save(DSLContext tx, long personPk, GoldenRecord golden, long eventSeq, Instant at) {
        saved.executeOne(tx, toJson(golden), eventSeq, Clock.toDb(at), personPk);
    }

    /** The person the worker id is linked to, if any (worker_id is the link's unique key). */
    Optional<PersonRef> ofWorker(DSLContext tx, String workerId) {
        return ofWorker.fetch(tx, r -> new PersonRef(r.get(PERSON.PK), r.get(PERSON.ID)), workerId).stream().findFirst();
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
