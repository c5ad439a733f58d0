package dev.rollcall.scim.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.AttributeType;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaUris;

/**
 * Renders one {@link SchemaDef} as the Schema resource of RFC 7643 §7. Every attribute carries all
 * of its characteristics explicitly: clients (Entra ID, Okta, the SCIM SDKs) read them instead of
 * assuming the RFC defaults, so nothing is left implicit — except empty {@code canonicalValues}.
 */
final class SchemaDocument {
    private final ObjectMapper mapper;

    SchemaDocument(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode render(SchemaDef schema, String location) {
        ObjectNode doc = mapper.createObjectNode();
        // Not in the RFC's own examples, but every resource in a ListResponse names its schema and
        // SDK clients rely on it when they deserialize /Schemas.
        doc.putArray("schemas").add(SchemaUris.SCHEMA);
        doc.put("id", schema.id());
        doc.put("name", schema.name());
        doc.put("description", schema.description());
        ArrayNode attributes = doc.putArray("attributes");
        schema.attributes().forEach(a -> attributes.add(attribute(a)));
        ObjectNode meta = doc.putObject("meta");
        meta.put("resourceType", "Schema");
        meta.put("location", location);
        return doc;
    }

    private ObjectNode attribute(AttributeDef a) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", a.name());
        node.put("type", a.type().wireName());
        node.put("multiValued", a.multiValued());
        node.put("description", a.description());
        node.put("required", a.required());
        node.put("caseExact", a.caseExact());
        // An empty list is omitted, not published: compliance suites read "canonicalValues": [] as
        // "no value allowed", and python-scim refuses a schema with "referenceTypes": [].
        if (!a.canonicalValues().isEmpty()) {
            ArrayNode canonical = node.putArray("canonicalValues");
            a.canonicalValues().forEach(canonical::add);
        }
        // referenceTypes and subAttributes only apply to references and complex attributes (§7);
        // every reference lists its referenceTypes (AttributeDef insists)
        if (a.type() == AttributeType.REFERENCE) {
            ArrayNode refs = node.putArray("referenceTypes");
            a.referenceTypes().forEach(refs::add);
        }
        node.put("mutability", a.mutability().wireName());
        node.put("returned", a.returned().wireName());
        node.put("uniqueness", a.uniqueness().wireName());
        if (a.isComplex()) {
            ArrayNode subs = node.putArray("subAttributes");
            a.subAttributes().forEach(s -> subs.add(attribute(s)));
        }
        return node;
    }
}
