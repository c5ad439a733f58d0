package dev.rollcall.scim.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentsTest {
    private static final String BASE = "https://idm.example.com/scim/v2";

    private final DiscoveryDocuments documents =
            new DiscoveryDocuments(new SchemaRegistry(), new ScimLimits(250, 2_000_000, 500, 100), new ObjectMapper());

    @Test
    void serviceProviderConfigAdvertisesFeaturesAndConfiguredLimits() {
        ObjectNode spc = documents.serviceProviderConfig(BASE);

        assertThat(spc.get("schemas").get(0).asText()).isEqualTo(SchemaUris.SERVICE_PROVIDER_CONFIG);
        assertThat(spc.at("/patch/supported").asBoolean()).isTrue();
        assertThat(spc.at("/bulk/supported").asBoolean()).isTrue();
        assertThat(spc.at("/bulk/maxOperations").asInt()).isEqualTo(250);
        assertThat(spc.at("/bulk/maxPayloadSize").asInt()).isEqualTo(2_000_000);
        assertThat(spc.at("/filter/supported").asBoolean()).isTrue();
        assertThat(spc.at("/filter/maxResults").asInt()).isEqualTo(500);
        assertThat(spc.at("/changePassword/supported").isBoolean()).isTrue();
        assertThat(spc.at("/changePassword/supported").asBoolean()).isFalse();
        assertThat(spc.at("/sort/supported").asBoolean()).isTrue();
        assertThat(spc.at("/etag/supported").asBoolean()).isTrue();
        assertThat(spc.at("/meta/resourceType").asText()).isEqualTo("ServiceProviderConfig");
        assertThat(spc.at("/meta/location").asText()).isEqualTo(BASE + "/ServiceProviderConfig");
    }

    @Test
    void serviceProviderConfigOffersOneBearerTokenSchemeAsPrimary() {
        JsonNode schemes = documents.serviceProviderConfig(BASE).get("authenticationSchemes");

        assertThat(schemes).hasSize(1);
        JsonNode bearer = schemes.get(0);
        assertThat(bearer.get("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(bearer.get("name").asText()).isEqualTo("OAuth Bearer Token");
        assertThat(bearer.get("description").asText()).isNotBlank();
        assertThat(bearer.get("primary").asBoolean()).isTrue();
    }

    @Test
    void userResourceTypeListsOptionalEnterpriseAndLifecycleExtensions() {
        ObjectNode user = documents.resourceType(BASE, "User").orElseThrow();

        assertThat(user.get("schemas").get(0).asText()).isEqualTo(SchemaUris.RESOURCE_TYPE);
        assertThat(user.get("id").asText()).isEqualTo("User");
        assertThat(user.get("name").asText()).isEqualTo("User");
        assertThat(user.get("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.get("schema").asText()).isEqualTo(SchemaUris.USER);
        assertThat(user.get("schemaExtensions")).hasSize(2);
        assertThat(user.at("/schemaExtensions/0/schema").asText()).isEqualTo(SchemaUris.ENTERPRISE_USER);
        assertThat(user.at("/schemaExtensions/1/schema").asText()).isEqualTo(SchemaUris.LIFECYCLE_USER);
        user.get("schemaExtensions").forEach(e -> assertThat(e.get("required").asBoolean(true)).isFalse());
        assertThat(user.at("/meta/resourceType").asText()).isEqualTo("ResourceType");
        assertThat(user.at("/meta/location").asText()).isEqualTo(BASE + "/ResourceTypes/User");
    }

    @Test
    void groupResourceTypeHasNoExtensions() {
        ObjectNode group = documents.resourceType(BASE, "Group").orElseThrow();

        assertThat(group.get("endpoint").asText()).isEqualTo("/Groups");
        assertThat(group.get("schema").asText()).isEqualTo(SchemaUris.GROUP);
        assertThat(group.get("schemaExtensions")).isEmpty();
        assertThat(group.at("/meta/location").asText()).isEqualTo(BASE + "/ResourceTypes/Group");
    }

    @Test
    void resourceTypeLookupIsCaseInsensitiveAndEmptyForUnknownNames() {
        assertThat(documents.resourceType(BASE, "user")).isPresent();
        assertThat(documents.resourceType(BASE, "Device")).isEmpty();
        assertThat(documents.resourceTypes(BASE)).extracting(t -> t.get("id").asText())
                .containsExactly("User", "Group");
    }

    @Test
    void everySchemaIsRenderedWithMetaAndAttributes() {
        List<ObjectNode> schemas = documents.schemas(BASE);

        assertThat(schemas).extracting(s -> s.get("id").asText()).containsExactly(
                SchemaUris.USER, SchemaUris.GROUP, SchemaUris.ENTERPRISE_USER, SchemaUris.LIFECYCLE_USER);
        for (ObjectNode schema : schemas) {
            String id = schema.get("id").asText();
            assertThat(schema.get("schemas").get(0).asText()).isEqualTo(SchemaUris.SCHEMA);
            assertThat(schema.get("name").asText()).isNotBlank();
            assertThat(schema.get("attributes")).isNotEmpty();
            assertThat(schema.at("/meta/resourceType").asText()).isEqualTo("Schema");
            assertThat(schema.at("/meta/location").asText()).isEqualTo(BASE + "/Schemas/" + id);
        }
    }

    @Test
    void everyAttributeCarriesEveryCharacteristic() {
        for (ObjectNode schema : documents.schemas(BASE)) {
            schema.get("attributes").forEach(DiscoveryDocumentsTest::assertCompleteAttribute);
        }
    }

    @Test
    void userNameIsRequiredServerUniqueAndCaseInsensitive() {
        JsonNode userName = attribute(SchemaUris.USER, "userName");

        assertThat(userName.get("type").asText()).isEqualTo("string");
        assertThat(userName.get("required").asBoolean()).isTrue();
        assertThat(userName.get("caseExact").asBoolean()).isFalse();
        assertThat(userName.get("uniqueness").asText()).isEqualTo("server");
        assertThat(userName.get("mutability").asText()).isEqualTo("readWrite");
        assertThat(userName.get("returned").asText()).isEqualTo("default");
        assertThat(userName.get("multiValued").asBoolean()).isFalse();
    }

    @Test
    void passwordIsWriteOnlyAndNeverReturned() {
        JsonNode password = attribute(SchemaUris.USER, "password");

        assertThat(password.get("mutability").asText()).isEqualTo("writeOnly");
        assertThat(password.get("returned").asText()).isEqualTo("never");
    }

    @Test
    void emailsAreMultiValuedComplexWithCanonicalTypes() {
        JsonNode emails = attribute(SchemaUris.USER, "emails");

        assertThat(emails.get("type").asText()).isEqualTo("complex");
        assertThat(emails.get("multiValued").asBoolean()).isTrue();
        JsonNode type = sub(emails, "type");
        assertThat(type.get("canonicalValues")).extracting(JsonNode::asText).containsExactly("work", "home", "other");
        assertThat(sub(emails, "primary").get("type").asText()).isEqualTo("boolean");
    }

    @Test
    void photosReferenceExternalUrlsAndEmptyListsAreOmitted() {
        JsonNode photos = attribute(SchemaUris.USER, "photos");

        assertThat(sub(photos, "value").get("type").asText()).isEqualTo("reference");
        assertThat(sub(photos, "value").get("referenceTypes")).extracting(JsonNode::asText).containsExactly("external");
        assertThat(sub(photos, "value").has("canonicalValues")).isFalse();
        assertThat(attribute(SchemaUris.USER, "displayName").has("canonicalValues")).isFalse();
        assertThat(sub(photos, "type").get("canonicalValues")).extracting(JsonNode::asText).containsExactly("photo", "thumbnail");
        for (ObjectNode schema : documents.schemas(BASE)) {
            assertThat(schema.toString()).doesNotContain("\"canonicalValues\":[]").doesNotContain("\"referenceTypes\":[]");
        }
    }

    @Test
    void userGroupsAreReadOnlyAndReferenceUsersOrGroups() {
        JsonNode groups = attribute(SchemaUris.USER, "groups");

        assertThat(groups.get("mutability").asText()).isEqualTo("readOnly");
        JsonNode ref = sub(groups, "$ref");
        assertThat(ref.get("type").asText()).isEqualTo("reference");
        assertThat(ref.get("referenceTypes")).extracting(JsonNode::asText).containsExactly("User", "Group");
    }

    @Test
    void groupMembersReferenceUsersAndGroups() {
        JsonNode members = attribute(SchemaUris.GROUP, "members");

        assertThat(members.get("multiValued").asBoolean()).isTrue();
        assertThat(sub(members, "value").get("mutability").asText()).isEqualTo("immutable");
        assertThat(sub(members, "$ref").get("referenceTypes")).extracting(JsonNode::asText)
                .containsExactly("User", "Group");
        assertThat(sub(members, "type").get("canonicalValues")).extracting(JsonNode::asText)
                .containsExactly("User", "Group");
        assertThat(attribute(SchemaUris.GROUP, "displayName").get("required").asBoolean()).isTrue();
    }

    @Test
    void enterpriseManagerIsComplexWithValueRefDisplayNameAndPrimary() {
        JsonNode manager = attribute(SchemaUris.ENTERPRISE_USER, "manager");

        assertThat(manager.get("type").asText()).isEqualTo("complex");
        assertThat(manager.get("multiValued").asBoolean()).isFalse();
        assertThat(manager.get("subAttributes")).extracting(s -> s.get("name").asText())
                .containsExactly("value", "$ref", "displayName", "primary");
        assertThat(sub(manager, "$ref").get("referenceTypes")).extracting(JsonNode::asText).containsExactly("User");
        assertThat(sub(manager, "displayName").get("mutability").asText()).isEqualTo("readOnly");
        assertThat(attribute(SchemaUris.ENTERPRISE_USER, "employeeNumber").get("type").asText()).isEqualTo("string");
    }

    @Test
    void lifecycleExtensionHasItsAttributesAndAReadOnlyPersonId() {
        JsonNode lifecycle = documents.schema(BASE, SchemaUris.LIFECYCLE_USER).orElseThrow();

        assertThat(lifecycle.get("attributes")).extracting(a -> a.get("name").asText()).containsExactly(
                "workerId", "hireDate", "terminationDate", "terminationReason", "employmentStatus",
                "crmAccountId", "personId");
        assertThat(attribute(SchemaUris.LIFECYCLE_USER, "hireDate").get("type").asText()).isEqualTo("dateTime");
        assertThat(attribute(SchemaUris.LIFECYCLE_USER, "workerId").get("caseExact").asBoolean()).isTrue();
        assertThat(attribute(SchemaUris.LIFECYCLE_USER, "employmentStatus").get("canonicalValues"))
                .extracting(JsonNode::asText).contains("active", "leave", "terminated");
        JsonNode personId = attribute(SchemaUris.LIFECYCLE_USER, "personId");
        assertThat(personId.get("mutability").asText()).isEqualTo("readOnly");
        assertThat(personId.get("required").asBoolean()).isFalse();
    }

    @Test
    void schemaLookupIsCaseInsensitiveAndEmptyForUnknownUrns() {
        assertThat(documents.schema(BASE, SchemaUris.USER.toLowerCase())).isPresent();
        assertThat(documents.schema(BASE, "urn:example:unknown")).isEmpty();
    }

    @Test
    void listResponseWrapsAllResourcesUnpaged() {
        ObjectNode list = documents.listResponse(documents.schemas(BASE));

        assertThat(list.get("schemas").get(0).asText()).isEqualTo(SchemaUris.LIST_RESPONSE);
        assertThat(list.get("totalResults").asInt()).isEqualTo(4);
        assertThat(list.get("itemsPerPage").asInt()).isEqualTo(4);
        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.get("Resources")).hasSize(4);
    }

    private JsonNode attribute(String schemaId, String name) {
        JsonNode schema = documents.schema(BASE, schemaId).orElseThrow();
        for (JsonNode a : schema.get("attributes")) {
            if (a.get("name").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + schemaId);
    }

    private static JsonNode sub(JsonNode complex, String name) {
        for (JsonNode s : complex.get("subAttributes")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no sub-attribute " + name + " in " + complex.get("name"));
    }

    private static void assertCompleteAttribute(JsonNode a) {
        String where = a.path("name").asText("?");
        assertThat(a.get("name").isTextual()).as(where).isTrue();
        assertThat(a.get("type").asText()).as(where)
                .isIn("string", "boolean", "decimal", "integer", "dateTime", "binary", "reference", "complex");
        assertThat(a.get("multiValued").isBoolean()).as(where).isTrue();
        assertThat(a.get("description").isTextual()).as(where).isTrue();
        assertThat(a.get("required").isBoolean()).as(where).isTrue();
        assertThat(a.get("caseExact").isBoolean()).as(where).isTrue();
        // empty lists are omitted (a suite reads "canonicalValues": [] as "no value allowed")
        assertThat(!a.has("canonicalValues") || !a.get("canonicalValues").isEmpty()).as(where).isTrue();
        assertThat(a.get("mutability").asText()).as(where).isIn("readOnly", "readWrite", "immutable", "writeOnly");
        assertThat(a.get("returned").asText()).as(where).isIn("always", "never", "default", "request");
        assertThat(a.get("uniqueness").asText()).as(where).isIn("none", "server", "global");
        assertThat(a.has("referenceTypes")).as(where).isEqualTo(a.get("type").asText().equals("reference"));
        if (a.has("referenceTypes")) {
            assertThat(a.get("referenceTypes")).as(where + ": every reference lists what it refers to").isNotEmpty();
        }
        if (a.get("type").asText().equals("complex")) {
            assertThat(a.get("subAttributes")).as(where).isNotEmpty();
            a.get("subAttributes").forEach(DiscoveryDocumentsTest::assertCompleteAttribute);
        } else {
            assertThat(a.has("subAttributes")).as(where).isFalse();
        }
    }
}
