package dev.rollcall.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.events.EventPayload;

/**
 * How event payloads are written to the event log: each record's components in order, as the
 * catalogue in openapi/rollcall.yaml documents them. The domain stays free of Jackson; the few
 * wire names a Java name cannot carry ({@code new}) and the fields left out when null are declared
 * here, as mix-ins.
 */
final class EventJson {
    private final ObjectMapper json;

    EventJson(ObjectMapper base) {
        this.json = base.copy()
                .addMixIn(EventPayload.AttributeChange.class, ChangeNames.class)
                .addMixIn(EventPayload.PersonCreated.class, PersonCreatedOptional.class)
                .addMixIn(EventPayload.Resolution.class, ResolutionOptional.class)
                .addMixIn(EventPayload.GroupUpdated.class, GroupUpdatedOptional.class);
    }

    String write(EventPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event payload could not be written as JSON", e);
        }
    }

    /** A payload, a record or plain fields as a JSON tree. */
    <T extends com.fasterxml.jackson.databind.JsonNode> T tree(Object value) {
        return json.valueToTree(value);
    }

    ObjectMapper mapper() {
        return json;
    }

    abstract static class ChangeNames {
        @JsonProperty("old")
        abstract String oldValue();

        @JsonProperty("new")
        abstract String newValue();
    }

    abstract static class PersonCreatedOptional {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String cause();

        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String caseId();
    }

    abstract static class ResolutionOptional {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String caseId();
    }

    abstract static class GroupUpdatedOptional {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        abstract String previousDisplayName();
    }
}
