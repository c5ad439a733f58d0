package dev.rollcall.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published contract, openapi/rollcall.yaml, parses cleanly and describes the whole SCIM surface. */
class OpenApiDocumentTest {
    private static final Path DOCUMENT = Path.of("openapi", "rollcall.yaml");

    private static SwaggerParseResult result;
    private static OpenAPI api;

    @BeforeAll
    static void parse() {
        assertThat(DOCUMENT).exists();
        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        result = new OpenAPIV3Parser().readLocation(DOCUMENT.toAbsolutePath().toUri().toString(), null, options);
        api = result.getOpenAPI();
    }

    @Test
    void documentParsesAsOpenApi31WithoutMessages() {
        assertThat(result.getMessages()).isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void everyInternalReferenceResolves() throws Exception {
        // The parser reports schema violations but not a $ref to a component that does not exist.
        JsonNode raw = Yaml.mapper().readTree(DOCUMENT.toFile());
        List<String> refs = new ArrayList<>();
        collectRefs(raw, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/");
            assertThat(raw.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void everyScimEndpointAndProbeIsDescribed() {
        assertThat(api.getPaths()).containsKeys(
                "/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes", "/scim/v2/ResourceTypes/{name}",
                "/scim/v2/Schemas", "/scim/v2/Schemas/{id}",
                "/scim/v2/Users", "/scim/v2/Users/{id}", "/scim/v2/Users/.search",
                "/scim/v2/Groups", "/scim/v2/Groups/{id}", "/scim/v2/Groups/.search",
                "/scim/v2/Bulk", "/scim/v2/.search", "/scim/v2/Me", "/healthz", "/readyz");
    }

    @Test
    void resourcesHaveEveryMethod() {
        for (String type : new String[] {"Users", "Groups"}) {
            PathItem collection = api.getPaths().get("/scim/v2/" + type);
            assertThat(collection.getGet()).as(type + " list").isNotNull();
            assertThat(collection.getPost()).as(type + " create").isNotNull();
            PathItem item = api.getPaths().get("/scim/v2/" + type + "/{id}");
            assertThat(item.getGet()).isNotNull();
            assertThat(item.getPut()).isNotNull();
            assertThat(item.getPatch()).isNotNull();
            assertThat(item.getDelete()).isNotNull();
            assertThat(collection.getGet().getParameters()).extracting(p -> resolvedName(p.get$ref(), p.getName()))
                    .contains("filter", "startIndex", "count", "sortBy", "sortOrder", "attributes", "excludedAttributes");
        }
    }

    @Test
    void meAnswers501ForEveryMethod() {
        PathItem me = api.getPaths().get("/scim/v2/Me");
        assertThat(me.readOperations()).hasSize(5)
                .allSatisfy(op -> assertThat(op.getResponses()).containsKey("501"));
    }

    @Test
    void probesNeedNoToken() {
        assertThat(api.getPaths().get("/healthz").getGet().getSecurity()).isEmpty();
        assertThat(api.getPaths().get("/readyz").getGet().getSecurity()).isEmpty();
        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
    }

    @Test
    void errorStatusIsAStringAndScimTypesAreEnumerated() {
        assertThat(property("Error", "status").getTypes()).containsExactly("string");
        assertThat(enumValues(property("Error", "scimType"))).contains(
                "invalidFilter", "invalidSyntax", "invalidPath", "invalidValue", "uniqueness", "mutability",
                "tooMany", "noTarget");
    }

    @Test
    void userCarriesEnterpriseAndLifecycleExtensions() {
        assertThat(propertyNames("User")).contains("userName", "emails", "groups",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User");
        assertThat(propertyNames("LifecycleUser")).contains(
                "workerId", "hireDate", "terminationDate", "terminationReason", "employmentStatus",
                "crmAccountId", "personId");
        assertThat(property("LifecycleUser", "personId").getReadOnly()).isTrue();
        assertThat(api.getComponents().getSchemas()).containsKeys(
                "Group", "ListResponse", "PatchOp", "BulkRequest", "BulkResponse", "SearchRequest");
    }

    @Test
    void everySchemaObjectUsesOnlyJsonSchemaAndOpenApiKeywords() throws Exception {
        // A plain description in a YAML flow mapping is cut at ", " and the rest becomes a stray key
        // (`{description: Unique per source, case-insensitive.}`): the parser keeps it, a linter does not.
        List<String> stray = new ArrayList<>();
        SchemaKeywords.walkDocument(Yaml.mapper().readTree(DOCUMENT.toFile()), stray);
        assertThat(stray).isEmpty();
    }

    @Test
    void theKeywordCheckFindsStrayKeysAtAnyDepth() throws Exception {
        JsonNode broken = Yaml.mapper().readTree("""
                paths:
                  /x:
                    get:
                      parameters:
                        - {name: q, in: query, schema: {type: string, description: Text, cut here.}}
                      responses:
                        '200':
                          content:
                            application/json:
                              schema:
                                type: object
                                properties:
                                  schema: {type: string}
                                  deep: {type: array, items: {allOf: [{nullable: true}]}}
                components:
                  schemas:
                    A: {type: object, additionalProperties: {type: string, bogus: 1}, x-ok: 1}
                    B: {oneOf: [{$ref: '#/components/schemas/A'}], properties: {p: {not: {minimum: 1, max: 2}}}}
                """);
        List<String> stray = new ArrayList<>();
        SchemaKeywords.walkDocument(broken, stray);
        assertThat(stray).containsExactlyInAnyOrder(
                "/paths/~1x/get/parameters/0/schema: cut here.",
                "/paths/~1x/get/responses/200/content/application~1json/schema/properties/deep/items/allOf/0: nullable",
                "/components/schemas/A/additionalProperties: bogus",
                "/components/schemas/B/properties/p/not: max");
    }

    @Test
    void documentIsUtf8TextWithoutTabs() throws Exception {
        assertThat(Files.readString(DOCUMENT)).doesNotContain("\t");
    }

    private static Schema<?> component(String name) {
        return api.getComponents().getSchemas().get(name);
    }

    private static Set<String> propertyNames(String componentName) {
        return component(componentName).getProperties().keySet();
    }

    private static Schema<?> property(String componentName, String propertyName) {
        return component(componentName).getProperties().get(propertyName);
    }

    private static List<String> enumValues(Schema<?> schema) {
        return schema.getEnum().stream().map(String::valueOf).toList();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.path("$ref").isTextual()) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }

    private static String resolvedName(String ref, String name) {
        return ref == null ? name : ref.substring(ref.lastIndexOf('/') + 1);
    }
}
