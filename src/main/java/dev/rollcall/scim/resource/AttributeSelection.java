package dev.rollcall.scim.resource;

import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.filter.FilterParser;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code attributes} or {@code excludedAttributes} list (RFC 7644 §3.4.2.5): which whole
 * attributes, which sub-attributes and which whole extensions it names. Names are case-insensitive;
 * names the resource type does not have are ignored, as most servers and clients expect (a client
 * asking for an attribute this server lacks simply does not get it).
 */
final class AttributeSelection {
    private final Set<String> wholeExtensions = new HashSet<>();
    private final Set<String> wholeAttributes = new HashSet<>();
    private final Map<String, Set<String>> subAttributes = new HashMap<>();

    private AttributeSelection() {
    }

    /**
     * @param list comma-separated attribute paths; null or blank for none
     * @throws ScimException invalidPath for an entry that is not an attribute path
     */
    static AttributeSelection parse(SchemaRegistry registry, ResourceTypeDef type, String list, String parameter) {
        AttributeSelection out = new AttributeSelection();
        if (list == null) {
            return out;
        }
        for (String raw : list.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            Optional<SchemaDef> extension = SchemaUrns.extension(type, entry);
            if (extension.isPresent()) {
                out.wholeExtensions.add(lower(extension.get().id()));
                continue;
            }
            AttrPath path;
            try {
                path = FilterParser.parseAttrPath(entry);
            } catch (FilterException e) {
                throw ScimException.invalidPath("Invalid attribute path in '" + parameter + "': " + e.getMessage());
            }
            registry.resolve(type, path.schemaUrn(), path.attribute(), path.subAttribute()).ifPresent(out::add);
        }
        return out;
    }

    private void add(ResolvedAttribute r) {
        String key = key(r.schema(), r.attribute());
        if (r.sub() == null) {
            wholeAttributes.add(key);
        } else {
            subAttributes.computeIfAbsent(key, k -> new HashSet<>()).add(lower(r.sub().name()));
        }
    }

    boolean isEmpty() {
        return wholeExtensions.isEmpty() && wholeAttributes.isEmpty() && subAttributes.isEmpty();
    }

    /** Whether the attribute is named whole (itself, or its whole extension). */
    boolean namesWhole(SchemaDef schema, AttributeDef attr) {
        return wholeExtensions.contains(lower(schema.id())) || wholeAttributes.contains(key(schema, attr));
    }

    /** Whether some sub-attribute of it is named. */
    boolean namesSomeSub(SchemaDef schema, AttributeDef attr) {
        return subAttributes.containsKey(key(schema, attr));
    }

    boolean namesSub(SchemaDef schema, AttributeDef attr, AttributeDef sub) {
        return subAttributes.getOrDefault(key(schema, attr), Set.of()).contains(lower(sub.name()));
    }

    private static String key(SchemaDef schema, AttributeDef attr) {
        return lower(schema.id()) + "|" + lower(attr.name());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
