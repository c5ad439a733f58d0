package dev.rollcall.schema.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a stored resource into the rows of its filter index (account_value / group_value). The
 * resource is as stored: canonical attribute names, extension attributes under their schema URN.
 * Elements of a multi-valued attribute keep their position as {@code idx} on every sub-attribute,
 * so a value path can require all its conditions on the same element. Values of the wrong type
 * (which validation should have refused) are left out rather than failing the write.
 */
public final class ValueIndexer {

    private ValueIndexer() {
    }

    public static List<IndexedValue> index(ResourceTypeDef type, ObjectNode resource) {
        List<IndexedValue> out = new ArrayList<>();
        indexSchema(type, type.core(), true, resource, out);
        for (SchemaDef extension : type.extensions()) {
            JsonNode ext = resource.get(extension.id());
            if (ext != null && ext.isObject()) {
                indexSchema(type, extension, false, ext, out);
            }
        }
        return out;
    }

    private static void indexSchema(ResourceTypeDef type, SchemaDef schema, boolean core, JsonNode container, List<IndexedValue> out) {
        for (AttributeDef attr : schema.attributes()) {
            JsonNode value = container.get(attr.name());
            if (value == null || value.isNull() || !ColumnAttributes.indexed(type, new ResolvedAttribute(schema, core, attr, null))) {
                continue;
            }
            if (attr.multiValued()) {
                if (!value.isArray()) {
                    continue;
                }
                for (int i = 0; i < value.size(); i++) {
                    indexElement(type, schema, core, attr, value.get(i), i, out);
                }
            } else {
                indexElement(type, schema, core, attr, value, 0, out);
            }
        }
    }

    private static void indexElement(ResourceTypeDef type, SchemaDef schema, boolean core, AttributeDef attr,
                                     JsonNode element, int idx, List<IndexedValue> out) {
        if (!attr.isComplex()) {
            add(new ResolvedAttribute(schema, core, attr, null), element, idx, out);
            return;
        }
        if (!element.isObject()) {
            return;
        }
        for (AttributeDef sub : attr.subAttributes()) {
            ResolvedAttribute path = new ResolvedAttribute(schema, core, attr, sub);
            JsonNode subValue = element.get(sub.name());
            if (subValue != null && ColumnAttributes.indexed(type, path)) {
                add(path, subValue, idx, out);
            }
        }
    }

    private static void add(ResolvedAttribute path, JsonNode value, int idx, List<IndexedValue> out) {
        if (value.isNull() || value.isContainerNode()) {
            return;
        }
        try {
            ValueNormalizer.Normalized n = ValueNormalizer.normalize(path.target(), value);
            out.add(new IndexedValue(path.indexKey(), idx, n.val(), n.num()));
        } catch (IllegalArgumentException wrongType) {
            // Not indexable; validation of writes reports such values, indexing stays best-effort.
        }
    }
}
