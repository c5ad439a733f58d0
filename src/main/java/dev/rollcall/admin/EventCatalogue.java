package dev.rollcall.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.rollcall.events.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The event catalogue of GET /api/v1/event-types, read once from the packaged OpenAPI document's
 * {@code webhooks}: per type its summary, subject and the webhook body's schema as a self-contained
 * JSON Schema (2020-12; the components it refers to copied into {@code $defs}). Served from the
 * document itself so that the catalogue and the published contract cannot drift apart.
 */
public final class EventCatalogue {
    static final String RESOURCE = "/openapi/rollcall.yaml";
    private static final String COMPONENTS = "#/components/schemas/";
    private final ArrayNode items;

    public EventCatalogue(ObjectMapper json) {
        JsonNode doc;
        try (InputStream in = EventCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (the build packages it)");
            }
            doc = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read", e);
        }
        this.items = json.createArrayNode();
        JsonNode schemas = doc.at("/components/schemas");
        doc.path("webhooks").properties().forEach(w -> items.add(entry(json, w.getKey(), w.getValue().path("post"), schemas)));
    }

    /** Every type, in the document's order. */
    public ArrayNode items() {
        return items.deepCopy();
    }

    private static ObjectNode entry(ObjectMapper json, String type, JsonNode post, JsonNode schemas) {
        ObjectNode out = json.createObjectNode();
        out.put("type", type);
        out.put("subject", EventType.byWireName(type).map(t -> t.subject().name().toLowerCase(java.util.Locale.ROOT))
                .orElse("delivery"));
        out.put("summary", post.path("summary").asText());
        JsonNode body = post.at("/requestBody/content/application~1json/schema");
        ObjectNode schema = json.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", type);
        schema.setAll((ObjectNode) rewrite(body.deepCopy()));
        ObjectNode defs = schema.putObject("$defs");
        Deque<String> todo = new ArrayDeque<>(refs(body));
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (seen.add(name)) {
                JsonNode def = schemas.path(name);
                defs.set(name, rewrite(def.deepCopy()));
                todo.addAll(refs(def));
            }
        }
        out.set("schema", schema);
        return out;
    }

    /** Component references become references into {@code $defs}. */
    private static JsonNode rewrite(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.asText().startsWith(COMPONENTS)) {
                o.put("$ref", "#/$defs/" + ref.asText().substring(COMPONENTS.length()));
            }
            o.properties().forEach(f -> rewrite(f.getValue()));
        } else if (node instanceof ArrayNode a) {
            a.forEach(EventCatalogue::rewrite);
        }
        return node;
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.asText().startsWith(COMPONENTS)) {
            out.add(ref.asText().substring(COMPONENTS.length()));
        }
        node.forEach(child -> collect(child, out));
    }
}
