package dev.rollcall.store;

import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.ColumnAttributes;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import java.util.List;

/** Resolves filter and sort paths of one resource type, with the errors a client should see. */
final class AttributeResolver {
    private final SchemaRegistry registry;
    private final ResourceTypeDef type;

    AttributeResolver(SchemaRegistry registry, ResourceTypeDef type) {
        this.registry = registry;
        this.type = type;
    }

    ResourceTypeDef type() {
        return type;
    }

    /**
     * Resolves a path case-insensitively. An unqualified name not in the core schema is looked up
     * in the extensions too (clients do send {@code employeeNumber} bare) when exactly one has it.
     */
    ResolvedAttribute resolve(AttrPath path) {
        return registry.resolveLenient(type, path.schemaUrn(), path.attribute(), path.subAttribute()).orElseThrow(() -> new FilterException("unknown attribute '" + path + "'"));
    }

    /** A complex attribute compared as a whole means its {@code value} sub-attribute (emails co "x"). */
    ResolvedAttribute valueOf(ResolvedAttribute attr, String text) {
        if (attr.sub() != null || !attr.attribute().isComplex()) {
            return attr;
        }
        AttributeDef value = attr.attribute().subAttribute("value")
                .orElseThrow(() -> new FilterException("'" + text + "' is complex: compare one of its sub-attributes"));
        return new ResolvedAttribute(attr.schema(), attr.coreSchema(), attr.attribute(), value);
    }

    /** A name inside {@code parent[...]}, which must be a sub-attribute of parent. */
    ResolvedAttribute sub(ResolvedAttribute parent, AttrPath inner, String parentText) {
        AttributeDef sub = parent.attribute().subAttribute(inner.attribute())
                .orElseThrow(() -> new FilterException("unknown attribute '" + parentText + "." + inner.attribute() + "'"));
        return new ResolvedAttribute(parent.schema(), parent.coreSchema(), parent.attribute(), sub);
    }

    /** Index keys of the sub-attributes of a complex attribute that are in the value index. */
    List<String> indexedSubKeys(ResolvedAttribute attr) {
        return attr.attribute().subAttributes().stream()
                .map(s -> new ResolvedAttribute(attr.schema(), attr.coreSchema(), attr.attribute(), s))
                .filter(r -> ColumnAttributes.indexed(type, r))
                .map(ResolvedAttribute::indexKey)
                .toList();
    }

    void requireIndexed(ResolvedAttribute attr, String text) {
        if (!ColumnAttributes.indexed(type, attr)) {
            throw new FilterException("attribute '" + text + "' cannot be used in a filter");
        }
    }
}
