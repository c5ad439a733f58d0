package dev.rollcall.scim.patch;

import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.filter.FilterParser;
import dev.rollcall.schema.filter.PatchPath;
import dev.rollcall.scim.resource.ScalarCoercer;
import dev.rollcall.scim.resource.SchemaUrns;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.ResolvedAttribute;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaDef;
import dev.rollcall.schema.SchemaRegistry;
import java.util.Optional;

/** Parses a PATCH path with {@link FilterParser} and resolves it against a resource type. */
final class PatchTargetResolver {
    private final SchemaRegistry registry;
    private final ValueFilterMatcher matcher;

    PatchTargetResolver(SchemaRegistry registry, ValueFilterMatcher matcher) {
        this.registry = registry;
        this.matcher = matcher;
    }

    /**
     * @throws ScimException invalidPath when the path is malformed or names nothing the type has
     *                       (RFC 7644 §3.5.2: an unknown attribute in a path is invalidPath)
     */
    PatchTarget resolve(ResourceTypeDef type, String path) {
        return find(type, path).orElseThrow(() -> ScimException.invalidPath(
                "Path '" + ScalarCoercer.abbreviate(path) + "' names no attribute of resource type " + type.name() + "."));
    }

    /**
     * Like {@link #resolve} but empty, rather than an error, when the path is well formed and names no
     * attribute of the type.
     *
     * @throws ScimException invalidPath when the path is malformed
     */
    Optional<PatchTarget> find(ResourceTypeDef type, String path) {
        Optional<SchemaDef> extension = SchemaUrns.extension(type, path);
        if (extension.isPresent()) {
            return Optional.of(new PatchTarget(extension.get(), false, null, null, null, path));
        }
        PatchPath parsed;
        try {
            parsed = FilterParser.parsePatchPath(path);
        } catch (FilterException e) {
            throw ScimException.invalidPath("Invalid path '" + ScalarCoercer.abbreviate(path) + "': " + e.getMessage());
        }
        AttrPath attr = parsed.attr();
        Optional<ResolvedAttribute> resolved = registry.resolve(type, attr.schemaUrn(), attr.attribute(), null);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        AttributeDef def = resolved.get().attribute();
        String subName = parsed.valueFilter() == null ? attr.subAttribute() : parsed.subAttribute();
        AttributeDef sub = null;
        if (subName != null) {
            if (!def.isComplex()) {
                throw ScimException.invalidPath("Attribute '" + def.name() + "' has no sub-attributes (path '"
                        + ScalarCoercer.abbreviate(path) + "').");
            }
            Optional<AttributeDef> found = def.subAttribute(subName);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            sub = found.get();
        }
        if (parsed.valueFilter() != null) {
            if (!def.multiValued()) {
                throw ScimException.invalidPath("A value filter needs a multi-valued attribute; '" + def.name()
                        + "' is single-valued.");
            }
            matcher.validate(def, parsed.valueFilter());
        }
        return Optional.of(new PatchTarget(resolved.get().schema(), resolved.get().coreSchema(), def,
                parsed.valueFilter(), sub, path));
    }
}
