package dev.rollcall.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.events.EventPayload;
import dev.rollcall.events.EventSubject;
import dev.rollcall.events.EventType;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event catalogue in code ({@link EventType}, the {@link EventPayload} records) and the
 * {@code webhooks} of openapi/rollcall.yaml agree: one webhook per type, named by its wire name, whose
 * body fixes {@code type} to that name and whose {@code data} is the schema {@code <Record>Payload};
 * each payload schema (and each nested value record's schema, {@code <Record>}) has exactly the
 * record's components as properties, in wire order, and requires exactly those always written.
 *
 * <p>The comparisons return the differences they find, so the tests at the end can run them on an
 * altered copy of the document and see that they report what was altered.
 */
class OpenApiWebhooksTest {
    private static final Path DOCUMENT = Path.of("openapi", "rollcall.yaml");
    private static final String SCHEMAS = "#/components/schemas/";

    /** Components the store leaves out when null, as EventPayload's javadoc says; all others are always written. */
    private static final Set<String> ABSENT_WHEN_NULL = Set.of(
            "PersonCreated.cause", "PersonCreated.caseId", "Resolution.caseId", "GroupUpdated.previousDisplayName");

    /** Components written under another key than their name. */
    private static final Map<String, String> WIRE_KEYS = Map.of(
            "AttributeChange.oldValue", "old", "AttributeChange.newValue", "new");

    /** The envelope each subject's webhooks use, and what it adds to WebhookEvent's required members. */
    private static final Map<EventSubject, String> ENVELOPES = Map.of(
            EventSubject.PERSON, "PersonEvent", EventSubject.GROUP, "GroupEvent");
    private static final Map<EventSubject, Set<String>> SUBJECT_MEMBERS = Map.of(
            EventSubject.PERSON, Set.of("personId", "sequence"), EventSubject.GROUP, Set.of("groupId"));

    /** Webhooks that are no event type: delivery-only messages (SubscriptionTests), with no payload record. */
    static final Set<String> DELIVERY_ONLY = Set.of("subscription.test");

    private static JsonNode document;

    @BeforeAll
    static void read() throws Exception {
        document = Yaml.mapper().readTree(DOCUMENT.toFile());
    }

    @Test
    void webhooksAreExactlyTheEventTypes() {
        assertThat(webhookNameDifferences(document)).isEmpty();
    }

    @Test
    void theParserReadsEachWebhookAsAPost() {
        OpenAPI api = new OpenAPIV3Parser().read(DOCUMENT.toAbsolutePath().toUri().toString());

        assertThat(api.getWebhooks()).isNotNull();
        Set<String> expected = new LinkedHashSet<>(wireNames());
        expected.addAll(DELIVERY_ONLY);
        assertThat(api.getWebhooks().keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(api.getWebhooks().values()).extracting(PathItem::getPost).doesNotContainNull();
    }

    @Test
    void eachPayloadSchemaHasExactlyTheRecordsFields() {
        assertThat(payloadDifferences(document)).isEmpty();
    }

    @Test
    void eachWebhookFixesTypeToItsName() {
        assertThat(typeConstDifferences(document)).isEmpty();
    }

    @Test
    void personEventsCarryThePersonAndSequenceAndGroupEventsTheGroup() {
        assertThat(subjectDifferences(document)).isEmpty();
    }

    @Test
    void theSerialisationExceptionsNameRealComponents() {
        Set<String> components = new HashSet<>();
        for (Class<?> record : reachableRecords()) {
            for (RecordComponent c : record.getRecordComponents()) {
                components.add(record.getSimpleName() + "." + c.getName());
            }
        }

        assertThat(components).containsAll(ABSENT_WHEN_NULL).containsAll(WIRE_KEYS.keySet());
    }

    // The checks bite: each runs on an altered copy of the document and reports the alteration.

    @Test
    void aTypeMissingFromTheDocumentIsReportedByName() {
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.path("webhooks")).remove("person.merged");

        assertThat(webhookNameDifferences(altered)).containsExactly("event type person.merged has no webhook");
    }

    @Test
    void aWebhookWithNoEventTypeIsReportedByName() {
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.path("webhooks")).set("person.archived", altered.at("/webhooks/person.merged"));

        assertThat(webhookNameDifferences(altered)).containsExactly("webhook person.archived is no event type");
    }

    @Test
    void aPropertyTheRecordDoesNotWriteIsReported() {
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.at("/components/schemas/AccountCreatedPayload/properties"))
                .putObject("provisional").put("type", "boolean");

        assertThat(payloadDifferences(altered)).singleElement().asString()
                .startsWith("AccountCreatedPayload: properties [personId, accountId, source, sourceKind, changes, "
                        + "resolution, provisional], the record writes [personId, accountId, source, sourceKind, "
                        + "changes, resolution]");
    }

    @Test
    void aComponentNameInPlaceOfItsWireKeyIsReported() {
        ObjectNode altered = document.deepCopy();
        ObjectNode change = (ObjectNode) altered.at("/components/schemas/AttributeChange");
        ObjectNode properties = change.putObject("properties");
        properties.putObject("attribute").put("type", "string");
        properties.putObject("oldValue").putArray("type").add("string").add("null");
        properties.putObject("newValue").putArray("type").add("string").add("null");

        assertThat(payloadDifferences(altered)).singleElement().asString()
                .startsWith("AttributeChange: properties [attribute, oldValue, newValue], the record writes "
                        + "[attribute, old, new]");
    }

    @Test
    void aRequiredListThatIsNotTheAlwaysWrittenFieldsIsReported() {
        ObjectNode altered = document.deepCopy();
        ((ArrayNode) altered.at("/components/schemas/GroupUpdatedPayload/required")).add("previousDisplayName");
        ((ArrayNode) altered.at("/components/schemas/PersonUpdatedPayload/required")).remove(1);

        assertThat(payloadDifferences(altered)).containsExactlyInAnyOrder(
                "GroupUpdatedPayload: required [displayName, groupId, membersAdded, membersRemoved, "
                        + "previousDisplayName, source], always written [displayName, groupId, membersAdded, membersRemoved, "
                        + "source]",
                "PersonUpdatedPayload: required [changes, personId], always written [cause, changes, personId]");
    }

    @Test
    void aDifferenceInARecordNestedInAListIsReported() {
        // AccountCreated.resolution -> Resolution.evidence (a list) -> Evidence
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.at("/components/schemas/Evidence/properties")).remove("detail");

        assertThat(payloadDifferences(altered)).containsExactly(
                "Evidence: properties [rule, points], the record writes [rule, points, detail] (in this order)");
    }

    @Test
    void aPayloadThatAdmitsOtherPropertiesOrTheWrongSchemaIsReported() {
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.at("/components/schemas/MemberRef")).remove("additionalProperties");
        ((ObjectNode) dataOf(altered, "person.unmerged")).put("$ref", SCHEMAS + "PersonMergedPayload");

        assertThat(payloadDifferences(altered)).containsExactlyInAnyOrder(
                "MemberRef: admits properties the record does not write (additionalProperties is not false)",
                "webhook person.unmerged: data is " + SCHEMAS + "PersonMergedPayload, expected " + SCHEMAS
                        + "PersonUnmergedPayload");
    }

    @Test
    void aPayloadSchemaOfNoEventTypeIsReported() {
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) altered.at("/components/schemas")).set("PersonArchivedPayload",
                altered.at("/components/schemas/PersonMergedPayload"));

        assertThat(payloadDifferences(altered)).containsExactly("schema PersonArchivedPayload is no event type's payload");
    }

    @Test
    void aTypeConstOtherThanTheWebhooksNameIsReported() {
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) typeOf(altered, "group.deleted")).put("const", "group.removed");

        assertThat(typeConstDifferences(altered)).containsExactly("webhook group.deleted fixes type to group.removed");
    }

    @Test
    void aPersonEventInTheGroupEnvelopeIsReported() {
        ObjectNode altered = document.deepCopy();
        ((ObjectNode) envelopeOf(altered, "account.deleted")).put("$ref", SCHEMAS + "GroupEvent");

        assertThat(subjectDifferences(altered)).containsExactly(
                "webhook account.deleted is a PERSON event but its body is not a " + SCHEMAS + "PersonEvent");
    }

    // ---- the comparisons

    /** Webhooks the catalogue lacks and event types the document lacks, each by name. */
    static List<String> webhookNameDifferences(JsonNode doc) {
        Set<String> documented = new LinkedHashSet<>();
        doc.path("webhooks").fieldNames().forEachRemaining(documented::add);
        List<String> out = new ArrayList<>();
        for (String name : wireNames()) {
            if (!documented.contains(name)) {
                out.add("event type " + name + " has no webhook");
            }
        }
        for (String name : documented) {
            if (EventType.byWireName(name).isEmpty() && !DELIVERY_ONLY.contains(name)) {
                out.add("webhook " + name + " is no event type");
            }
        }
        return out;
    }

    /** Each event type's data schema against its payload record, recursively; and no stray payload schema. */
    static List<String> payloadDifferences(JsonNode doc) {
        List<String> out = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        Set<String> payloadSchemas = new TreeSet<>();
        for (EventType type : EventType.values()) {
            String expected = SCHEMAS + type.payloadType().getSimpleName() + "Payload";
            payloadSchemas.add(expected);
            JsonNode data = dataOf(doc, type.wireName());
            if (data.isMissingNode()) {
                out.add("webhook " + type.wireName() + ": no data schema in its body");
            } else if (!expected.equals(data.path("$ref").asText())) {
                out.add("webhook " + type.wireName() + ": data is " + data.path("$ref").asText() + ", expected " + expected);
            } else {
                compareRecord(doc, type.payloadType(), expected, checked, out);
            }
        }
        doc.at("/components/schemas").fieldNames().forEachRemaining(name -> {
            if (name.endsWith("Payload") && !payloadSchemas.contains(SCHEMAS + name)) {
                out.add("schema " + name + " is no event type's payload");
            }
        });
        return out;
    }

    /** Each webhook's body fixes {@code type} to the webhook's name. */
    static List<String> typeConstDifferences(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("webhooks").fieldNames().forEachRemaining(name -> {
            JsonNode type = typeOf(doc, name);
            if (!type.path("const").isTextual()) {
                out.add("webhook " + name + " does not fix type");
            } else if (!type.path("const").asText().equals(name)) {
                out.add("webhook " + name + " fixes type to " + type.path("const").asText());
            }
        });
        return out;
    }

    /** Each event type's body is its subject's envelope, which requires the subject's members. */
    static List<String> subjectDifferences(JsonNode doc) {
        List<String> out = new ArrayList<>();
        for (EventType type : EventType.values()) {
            String envelope = SCHEMAS + ENVELOPES.get(type.subject());
            if (!envelope.equals(envelopeOf(doc, type.wireName()).path("$ref").asText())) {
                out.add("webhook " + type.wireName() + " is a " + type.subject() + " event but its body is not a "
                        + envelope);
            }
        }
        for (EventSubject subject : EventSubject.values()) {
            JsonNode envelope = schema(doc, SCHEMAS + ENVELOPES.get(subject));
            Set<String> required = new TreeSet<>();
            envelope.path("allOf").forEach(part -> part.path("required").forEach(r -> required.add(r.asText())));
            if (!required.containsAll(SUBJECT_MEMBERS.get(subject))
                    || !hasRef(envelope.path("allOf"), SCHEMAS + "WebhookEvent")) {
                out.add(ENVELOPES.get(subject) + " is not a WebhookEvent requiring " + SUBJECT_MEMBERS.get(subject));
            }
        }
        return out;
    }

    private static void compareRecord(JsonNode doc, Class<?> record, String ref, Set<String> checked, List<String> out) {
        if (!checked.add(ref)) {
            return;
        }
        String name = ref.substring(SCHEMAS.length());
        JsonNode schema = schema(doc, ref);
        if (schema.isMissingNode()) {
            out.add(name + ": no such schema (for " + record.getSimpleName() + ")");
            return;
        }
        List<String> keys = new ArrayList<>();
        Set<String> alwaysWritten = new TreeSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String key = wireKey(record, c);
            keys.add(key);
            if (!ABSENT_WHEN_NULL.contains(record.getSimpleName() + "." + c.getName())) {
                alwaysWritten.add(key);
            }
        }
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));

        if (!types(schema).equals(Set.of("object"))) {
            out.add(name + ": type " + types(schema) + ", expected object");
        }
        if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
            out.add(name + ": admits properties the record does not write (additionalProperties is not false)");
        }
        if (!properties.equals(keys)) {
            out.add(name + ": properties " + properties + ", the record writes " + keys + " (in this order)");
        }
        if (!required.equals(alwaysWritten)) {
            out.add(name + ": required " + required + ", always written " + alwaysWritten);
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(wireKey(record, c));
            if (!property.isMissingNode()) {
                compareValue(doc, c.getGenericType(), property, name + "." + wireKey(record, c), checked, out);
            }
        }
    }

    private static void compareValue(JsonNode doc, Type type, JsonNode property, String where, Set<String> checked,
                                     List<String> out) {
        if (type instanceof Class<?> c && c.isRecord()) {
            String expected = SCHEMAS + c.getSimpleName();
            if (!expected.equals(property.path("$ref").asText())) {
                out.add(where + ": expected a $ref to " + expected);
            } else {
                compareRecord(doc, c, expected, checked, out);
            }
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            expectType(property, "array", where, out);
            compareValue(doc, p.getActualTypeArguments()[0], property.path("items"), where + "[]", checked, out);
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            expectType(property, "object", where, out);
            compareValue(doc, p.getActualTypeArguments()[1], property.path("additionalProperties"), where + "{}",
                    checked, out);
        } else if (type == String.class) {
            expectType(property.has("$ref") ? schema(doc, property.get("$ref").asText()) : property, "string", where, out);
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            expectType(property, "integer", where, out);
        } else {
            out.add(where + ": the test does not know how " + type.getTypeName() + " is written; teach it");
        }
    }

    private static void expectType(JsonNode schema, String type, String where, List<String> out) {
        if (!types(schema).contains(type)) {
            out.add(where + ": type " + types(schema) + ", expected " + type);
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> out = new TreeSet<>();
        if (type.isArray()) {
            type.forEach(t -> out.add(t.asText()));
        } else if (type.isTextual()) {
            out.add(type.asText());
        }
        return out;
    }

    private static String wireKey(Class<?> record, RecordComponent c) {
        return WIRE_KEYS.getOrDefault(record.getSimpleName() + "." + c.getName(), c.getName());
    }

    private static Set<String> wireNames() {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(EventType.values()).forEach(t -> out.add(t.wireName()));
        return out;
    }

    /** Every record a payload holds, the payloads included. */
    private static Set<Class<?>> reachableRecords() {
        Set<Class<?>> out = new LinkedHashSet<>();
        Arrays.stream(EventType.values()).forEach(t -> collectRecords(t.payloadType(), out));
        return out;
    }

    private static void collectRecords(Type type, Set<Class<?>> out) {
        if (type instanceof Class<?> c && c.isRecord() && out.add(c)) {
            Arrays.stream(c.getRecordComponents()).forEach(rc -> collectRecords(rc.getGenericType(), out));
        } else if (type instanceof ParameterizedType p) {
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> collectRecords(a, out));
        }
    }

    private static JsonNode schema(JsonNode doc, String ref) {
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : MissingNode.getInstance();
    }

    private static JsonNode body(JsonNode doc, String webhook) {
        return doc.path("webhooks").path(webhook).path("post").path("requestBody").path("content")
                .path("application/json").path("schema");
    }

    /** The part of the body's allOf that is not a $ref: where type and data are fixed. */
    private static JsonNode fixedPart(JsonNode doc, String webhook) {
        return StreamSupport.stream(body(doc, webhook).path("allOf").spliterator(), false)
                .filter(part -> part.path("properties").isObject())
                .findFirst().orElse(MissingNode.getInstance());
    }

    private static JsonNode dataOf(JsonNode doc, String webhook) {
        return fixedPart(doc, webhook).path("properties").path("data");
    }

    private static JsonNode typeOf(JsonNode doc, String webhook) {
        return fixedPart(doc, webhook).path("properties").path("type");
    }

    /** The body's allOf part that refers to an envelope schema. */
    private static JsonNode envelopeOf(JsonNode doc, String webhook) {
        return StreamSupport.stream(body(doc, webhook).path("allOf").spliterator(), false)
                .filter(part -> part.has("$ref"))
                .findFirst().orElse(MissingNode.getInstance());
    }

    private static boolean hasRef(JsonNode allOf, String ref) {
        return StreamSupport.stream(allOf.spliterator(), false).anyMatch(p -> ref.equals(p.path("$ref").asText()));
    }
}
