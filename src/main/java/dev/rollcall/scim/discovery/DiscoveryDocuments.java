package dev.rollcall.scim.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimLimits;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;
import java.util.List;
import java.util.Optional;

/**
 * The SCIM discovery documents (RFC 7643 §5–§7): ServiceProviderConfig, ResourceTypes and Schemas.
 * They are built per request because {@code meta.location} is an absolute URL and the host a
 * client reached us by is only known then. {@code scimBase} is that absolute base, e.g.
 * {@code https://idm.example.com/scim/v2}, without a trailing slash.
 */
public final class DiscoveryDocuments {
    private final SchemaRegistry registry;
    private final ScimLimits limits;
    private final ObjectMapper mapper;
    private final SchemaDocument schemaDocument;

    public DiscoveryDocuments(SchemaRegistry registry, ScimLimits limits, ObjectMapper mapper) {
        this.registry = registry;
        this.limits = limits;
        this.mapper = mapper;
        this.schemaDocument = new SchemaDocument(mapper);
    }

    public ObjectNode serviceProviderConfig(String scimBase) {
        ObjectNode doc = mapper.createObjectNode();
        doc.putArray("schemas").add(SchemaUris.SERVICE_PROVIDER_CONFIG);
        supported(doc, "patch", true);
        ObjectNode bulk = supported(doc, "bulk", true);
        bulk.put("maxOperations", limits.bulkMaxOperations());
        bulk.put("maxPayloadSize", limits.maxPayloadBytes());
        supported(doc, "filter", true).put("maxResults", limits.filterMaxResults());
        // Passwords are not Rollcall's business: it provisions identities, it does not authenticate them.
        supported(doc, "changePassword", false);
        supported(doc, "sort", true);
        supported(doc, "etag", true);
        ObjectNode bearer = doc.putArray("authenticationSchemes").addObject();
        bearer.put("type", "oauthbearertoken");
        bearer.put("name", "OAuth Bearer Token");
        bearer.put("description", "Authentication with a bearer token issued to the source by a Rollcall operator "
                + "(`rollcall sources add`); each token sees only its own source's resources.");
        bearer.put("specUri", "https://www.rfc-editor.org/info/rfc6750");
        bearer.put("primary", true);
        meta(doc, "ServiceProviderConfig", scimBase + "/ServiceProviderConfig");
        return doc;
    }

    public List<ObjectNode> resourceTypes(String scimBase) {
        return registry.resourceTypes().stream().map(t -> resourceType(t, scimBase)).toList();
    }

    /** The resource type with this name ({@code User}, {@code Group}), compared case-insensitively. */
    public Optional<ObjectNode> resourceType(String scimBase, String name) {
        return registry.resourceTypes().stream()
                .filter(t -> t.name().equalsIgnoreCase(name))
                .findFirst()
                .map(t -> resourceType(t, scimBase));
    }

    public List<ObjectNode> schemas(String scimBase) {
        return registry.schemas().stream().map(s -> schema(s, scimBase)).toList();
    }

    /** The schema with this URN, compared case-insensitively. */
    public Optional<ObjectNode> schema(String scimBase, String id) {
        return registry.schema(id).map(s -> schema(s, scimBase));
    }

    /** A complete, unpaged ListResponse (RFC 7644 §3.4.2): discovery lists are never filtered or paged. */
    public ObjectNode listResponse(List<ObjectNode> resources) {
        ObjectNode doc = mapper.createObjectNode();
        doc.putArray("schemas").add(SchemaUris.LIST_RESPONSE);
        doc.put("totalResults", resources.size());
        doc.put("itemsPerPage", resources.size());
        doc.put("startIndex", 1);
        ArrayNode list = doc.putArray("Resources");
        resources.forEach(list::add);
        return doc;
    }

    private ObjectNode resourceType(ResourceTypeDef type, String scimBase) {
        ObjectNode doc = mapper.createObjectNode();
        doc.putArray("schemas").add(SchemaUris.RESOURCE_TYPE);
        doc.put("id", type.name());
        doc.put("name", type.name());
        doc.put("endpoint", type.endpoint());
        doc.put("description", type.description());
        doc.put("schema", type.core().id());
        ArrayNode extensions = doc.putArray("schemaExtensions");
        for (SchemaDef ext : type.extensions()) {
            ObjectNode e = extensions.addObject();
            e.put("schema", ext.id());
            // Optional: IdPs that know nothing of the enterprise or lifecycle extension still provision.
            e.put("required", false);
        }
        meta(doc, "ResourceType", scimBase + "/ResourceTypes/" + type.name());
        return doc;
    }

    private ObjectNode schema(SchemaDef schema, String scimBase) {
        return schemaDocument.render(schema, scimBase + "/Schemas/" + schema.id());
    }

    private static ObjectNode supported(ObjectNode doc, String feature, boolean supported) {
        ObjectNode node = doc.putObject(feature);
        node.put("supported", supported);
        return node;
    }

    private static void meta(ObjectNode doc, String resourceType, String location) {
        ObjectNode meta = doc.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("location", location);
    }
}
