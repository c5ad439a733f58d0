package dev.rollcall.events;

import java.util.Map;

/**
 * One audit row: who did what to which target, and the target's state before and after.
 * A state is either a document already rendered by the protocol (a SCIM resource) or plain fields.
 */
public record AuditRecord(Actor actor, String action, String targetType, String targetId, State before, State after) {

    public sealed interface State {
    }

    /**
     * A JSON document as the protocol layer rendered it, with extra top-level fields added after its
     * own (e.g. the members a group change added), kept otherwise as is.
     */
    public record Document(String json, Map<String, Object> extra) implements State {
        public Document {
            extra = extra == null ? Map.of() : extra;
        }
    }

    /** Plain fields (strings, numbers, booleans, lists and maps of them). */
    public record Fields(Map<String, Object> values) implements State {
    }

    public static State document(String json) {
        return json == null ? null : new Document(json, Map.of());
    }

    public static State fields(Map<String, Object> values) {
        return values == null ? null : new Fields(values);
    }
}
