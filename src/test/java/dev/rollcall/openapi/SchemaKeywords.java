package dev.rollcall.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds keys in schema objects that are no keyword of JSON Schema 2020-12 (core, applicator,
 * unevaluated, validation, meta-data, format, content) or of the OpenAPI 3.1 Schema Object, and are
 * no {@code x-} extension. Walks every schema of a document: components, parameters, headers, media
 * types, webhooks, and inside each schema every subschema keyword.
 */
final class SchemaKeywords {
    private static final Set<String> KEYWORDS = Set.of(
            "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
            "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
            "dependentSchemas", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
            "unevaluatedItems", "unevaluatedProperties",
            "type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
            "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
            "maxProperties", "minProperties", "required", "dependentRequired",
            "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
            "format", "contentEncoding", "contentMediaType", "contentSchema",
            "discriminator", "xml", "externalDocs", "example");
    /** Keywords whose value is one subschema. */
    private static final Set<String> ONE = Set.of("items", "contains", "additionalProperties", "propertyNames", "if",
            "then", "else", "not", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
    /** Keywords whose value is an array of subschemas. */
    private static final Set<String> MANY = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    /** Keywords whose value maps names to subschemas. */
    private static final Set<String> NAMED = Set.of("properties", "patternProperties", "dependentSchemas", "$defs");

    private SchemaKeywords() {
    }

    /** Adds "pointer: key" for every stray key in every schema of an OpenAPI document. */
    static void walkDocument(JsonNode document, List<String> stray) {
        walkOther(document, "", stray);
    }

    /** Outside schemas: a "schema" member, or a member of components.schemas, starts one. */
    private static void walkOther(JsonNode node, String pointer, List<String> stray) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkOther(node.get(i), pointer + "/" + i, stray);
            }
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            String at = pointer + "/" + escape(key);
            if (key.equals("example") || key.equals("examples")) {
                continue; // sample values, not descriptions
            }
            if (key.equals("schema") && e.getValue().isObject()) {
                walkSchema(e.getValue(), at, stray);
            } else if (key.equals("schemas") && pointer.equals("/components")) {
                e.getValue().properties().forEach(s -> walkSchema(s.getValue(), at + "/" + escape(s.getKey()), stray));
            } else {
                walkOther(e.getValue(), at, stray);
            }
        }
    }

    private static void walkSchema(JsonNode schema, String pointer, List<String> stray) {
        if (schema.isBoolean()) {
            return; // true / false are schemas too
        }
        if (!schema.isObject()) {
            stray.add(pointer + ": not a schema");
            return;
        }
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = pointer + "/" + escape(key);
            if (!KEYWORDS.contains(key) && !key.startsWith("x-")) {
                stray.add(pointer + ": " + key);
            } else if (ONE.contains(key)) {
                walkSchema(value, at, stray);
            } else if (MANY.contains(key)) {
                for (int i = 0; i < value.size(); i++) {
                    walkSchema(value.get(i), at + "/" + i, stray);
                }
            } else if (NAMED.contains(key)) {
                value.properties().forEach(s -> walkSchema(s.getValue(), at + "/" + escape(s.getKey()), stray));
            }
        }
    }

    /** JSON Pointer escaping (RFC 6901). */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
