package dev.rollcall.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.AccountFacts;
import java.util.LinkedHashMap;
import java.util.Map;

/** The stored form of an account's facts: {"workerId":..,"active":..,"attributes":{..}}. */
final class FactsJson {
    private final ObjectMapper json;

    FactsJson(ObjectMapper json) {
        this.json = json;
    }

    String write(AccountFacts facts) {
        ObjectNode root = json.createObjectNode();
        root.put("workerId", facts.workerId());
        root.put("active", facts.active());
        ObjectNode attrs = root.putObject("attributes");
        facts.attributes().forEach(attrs::put);
        return root.toString();
    }

    AccountFacts read(String data) {
        try {
            JsonNode root = json.readTree(data);
            Map<String, String> attrs = new LinkedHashMap<>();
            root.path("attributes").properties().forEach(e -> attrs.put(e.getKey(), e.getValue().asText()));
            String worker = root.path("workerId").isTextual() ? root.path("workerId").asText() : null;
            return new AccountFacts(worker, root.path("active").asBoolean(true), attrs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored account facts are not valid JSON", e);
        }
    }
}
