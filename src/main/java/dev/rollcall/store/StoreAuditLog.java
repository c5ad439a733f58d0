package dev.rollcall.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.events.AuditLog;
import dev.rollcall.events.AuditRecord;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * The audit log over one transaction: renders each state as JSON and appends the row (sealed after
 * commit); every row of the transaction names the same witness, read before its first row.
 */
final class StoreAuditLog implements AuditLog {
    private final DSLContext tx;
    private final AuditStore audit;
    private final EventJson json;
    private AuditStore.Witness witness; // read once per transaction, before its first row

    StoreAuditLog(DSLContext tx, AuditStore audit, EventJson json) {
        this.tx = tx;
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void record(Instant at, AuditRecord r) {
        if (witness == null) {
            witness = audit.witness(tx);
        }
        audit.append(tx, at, new AuditStore.Entry(r.actor().name(), r.action(), r.targetType(), r.targetId(),
                render(r.before()), render(r.after()), r.actor().correlationId()), witness);
    }

    private String render(AuditRecord.State state) {
        if (state == null) {
            return null;
        }
        if (state instanceof AuditRecord.Document d) {
            if (d.extra().isEmpty()) {
                return d.json();
            }
            ObjectNode doc = parse(d.json());
            d.extra().forEach((k, v) -> doc.set(k, json.tree(v)));
            return doc.toString();
        }
        return json.tree(((AuditRecord.Fields) state).values()).toString();
    }

    private ObjectNode parse(String document) {
        try {
            return (ObjectNode) json.mapper().readTree(document);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("an audited document is not a JSON object", e);
        }
    }
}
