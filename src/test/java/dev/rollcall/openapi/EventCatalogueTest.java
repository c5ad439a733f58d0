package dev.rollcall.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.events.EventType;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import io.swagger.v3.core.util.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GET /api/v1/event-types agrees with openapi/rollcall.yaml, loaded here from the working tree: the
 * same types in the same order (every event type plus the delivery-only ones), and each schema is the
 * webhook's body schema with every component it reaches, unchanged but for where references point.
 */
class EventCatalogueTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .adminToken("it-reader", AdminScope.READ).build();
    @Token("it-reader") static String reader;

    @Test
    void theCatalogueIsTheDocumentsWebhooksWithSelfContainedSchemas() throws Exception {
        JsonNode doc = Yaml.mapper().readTree(Path.of("openapi", "rollcall.yaml").toFile());
        HttpResult r = server.get("/api/v1/event-types", reader);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> served = new HashMap<>();
        List<String> order = new ArrayList<>();
        r.jsonBody().get("items").forEach(i -> {
            served.put(i.get("type").asText(), i);
            order.add(i.get("type").asText());
        });
        List<String> documented = new ArrayList<>();
        doc.get("webhooks").fieldNames().forEachRemaining(documented::add);
        assertThat(order).containsExactlyElementsOf(documented);
        assertThat(order).containsAll(Arrays.stream(EventType.values()).map(EventType::wireName).toList())
                .containsAll(OpenApiWebhooksTest.DELIVERY_ONLY);

        for (String type : documented) {
            JsonNode item = served.get(type);
            JsonNode post = doc.at("/webhooks/" + type.replace("/", "~1") + "/post");
            assertThat(item.get("summary").asText()).isEqualTo(post.get("summary").asText());
            assertThat(item.get("subject").asText()).isEqualTo(EventType.byWireName(type)
                    .map(t -> t.subject().name().toLowerCase()).orElse("delivery"));
            JsonNode schema = item.get("schema");
            assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            JsonNode body = post.at("/requestBody/content/application~1json/schema");
            assertThat(pointedBack(schema.get("allOf"))).as(type).isEqualTo(body.get("allOf"));
            schema.get("$defs").properties().forEach(d -> assertThat(pointedBack(d.getValue())).as(type + " " + d.getKey())
                    .isEqualTo(doc.at("/components/schemas/" + d.getKey())));
            // self-contained: every reference resolves inside the schema
            List<String> refs = new ArrayList<>();
            collectRefs(schema, refs);
            assertThat(refs).isNotEmpty().allSatisfy(ref -> {
                assertThat(ref).startsWith("#/$defs/");
                assertThat(schema.get("$defs").has(ref.substring("#/$defs/".length()))).as(ref).isTrue();
            });
        }
        JsonNode created = served.get("person.created").get("schema").get("$defs");
        assertThat(created.has("PersonCreatedPayload")).isTrue();
        assertThat(created.has("WebhookEvent")).isTrue();
    }

    /** The served schema with its references pointed back at the document's components. */
    private static JsonNode pointedBack(JsonNode served) {
        String text = served.toString().replace("\"#/$defs/", "\"#/components/schemas/");
        try {
            return Yaml.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void collectRefs(JsonNode node, List<String> out) {
        if (node.has("$ref")) {
            out.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, out));
    }
}
