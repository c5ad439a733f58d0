package dev.rollcall.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.ClaimedDelivery;
import dev.rollcall.delivery.rules.EventSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Standard Webhooks body of an event (openapi/rollcall.yaml, WebhookEvent): id (the event's
 * ULID, the same on every retry), type, timestamp (when the change was made), personId and sequence
 * for person events, groupId for group events, data: the payload exactly as the event log stored it,
 * and person or group: the snapshot taken when the change committed (so a retry shows the same).
 * The body is a function of the event (as stored, with its snapshot) and the mapping alone, so the
 * subscriptions of one event that map alike share one rendering: the most recent bodies are kept.
 */
public final class WebhookBody {
    static final int KEPT = 512;
    private final ObjectMapper json;
    private final Map<Source, Rendering> rendered = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Source, Rendering> eldest) {
            return size() > KEPT;
        }
    };
    private long renderings;
    private final SnapshotJson snapshots;
    private final SnapshotView views;

    public WebhookBody(ObjectMapper json) {
        this.json = json;
        this.snapshots = new SnapshotJson(json);
        this.views = new SnapshotView(json);
    }

    /** What a body is made of: equal sources give equal bodies. */
    private record Source(String eventId, String eventType, Instant eventAt, String personId, Long personSeq, String groupId,
                          String payloadJson, String snapshotJson, AttributeMapping mapping) {
    }

    /** The body's bytes; callers must not change them (they may be shared with other deliveries of the event). */
    public byte[] of(ClaimedDelivery d) {
        Source source = new Source(d.eventId(), d.eventType(), d.eventAt(), d.personId(), d.personSeq(), d.groupId(),
                d.payloadJson(), d.snapshotJson(), d.mapping());
        Rendering r;
        synchronized (rendered) {
            r = rendered.computeIfAbsent(source, k -> new Rendering());
        }
        // the senders of one event's deliveries run at once: the first renders, the others wait for its bytes
        synchronized (r) {
            if (r.body == null) {
                r.body = render(d);
                synchronized (rendered) {
                    renderings++;
                }
            }
            return r.body;
        }
    }

    /** One body, rendered by the first that needs it (a failed rendering leaves it empty for the next to try). */
    private static final class Rendering {
        private byte[] body;
    }

    /** How many bodies were rendered rather than reused (for tests). */
    long renderings() {
        synchronized (rendered) {
            return renderings;
        }
    }

    private byte[] render(ClaimedDelivery d) {
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
