package dev.rollcall.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.EventSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * The Standard Webhooks body of an event (openapi/rollcall.yaml, WebhookEvent): id (the event's
 * ULID, the same on every retry), type, timestamp (when the change was made), personId and sequence
 * for person events, groupId for group events, data: the payload exactly as the event log stored it,
 * and person or group: the snapshot taken when the change committed (so a retry shows the same).
 */
public final class WebhookBody {
    private final ObjectMapper json;
    private final SnapshotJson snapshots;
    private final SnapshotView views;

    public WebhookBody(ObjectMapper json) {
        this.json = json;
        this.snapshots = new SnapshotJson(json);
        this.views = new SnapshotView(json);
    }

    public byte[] of(ClaimedDelivery d) {
        ObjectNode out = json.createObjectNode();
        out.put("id", d.eventId());
        out.put("type", d.eventType());
        out.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(d.eventAt()));
        if (d.personId() != null) {
            out.put("personId", d.personId());
            out.put("sequence", d.personSeq());
        }
        if (d.groupId() != null) {
            out.put("groupId", d.groupId());
        }
        out.putRawValue("data", new RawValue(d.payloadJson()));
        if (d.snapshotJson() != null) {
            EventSnapshot snapshot = snapshots.read(d.snapshotJson());
            if (snapshot.person() != null) {
                out.set("person", views.person(snapshot.person(), d.mapping().apply(snapshot.person().golden())));
            } else {
                out.set("group", views.group(snapshot.group()));
            }
        }
        try {
            return json.writeValueAsString(out).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body could not be written", e);
        }
    }
}
