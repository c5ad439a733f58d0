package dev.rollcall.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The schemas and resource types Rollcall serves, and attribute-path resolution against them. */
public final class SchemaRegistry {
    private final ResourceTypeDef user;
    private final ResourceTypeDef group;
    private final List<SchemaDef> schemas;

    public SchemaRegistry() {
        SchemaDef userSchema = UserSchema.definition();
        SchemaDef groupSchema = GroupSchema.definition();
        SchemaDef enterprise = EnterpriseUserSchema.definition();
        SchemaDef lifecycle = LifecycleSchema.definition();
        this.user = new ResourceTypeDef("User", "/Users", "User Account", userSchema, List.of(enterprise, lifecycle));
        this.group = new ResourceTypeDef("Group", "/Groups", "Group", groupSchema, List.of());
        this.schemas = List.of(userSchema, groupSchema, enterprise, lifecycle);
    }

    public ResourceTypeDef user() {
        return user;
    }

    public ResourceTypeDef group() {
        return group;
    }

    public List<ResourceTypeDef> resourceTypes() {
        return List.of(user, group);
    }

    public List<SchemaDef> schemas() {
        return schemas;
    }

    public Optional<SchemaDef> schema(String id) {
        return schemas.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * Resolves {@code [schemaUrn:]attribute[.subAttribute]} against a resource type. Without a URN the
     * core schema and the common attributes (id, externalId, meta) are searched. Names are
     * case-insensitive. Empty when the path names nothing the resource type has.
     */
    public Optional<ResolvedAttribute> resolve(ResourceTypeDef type, String schemaUrn, String attribute, String subAttribute) {
        SchemaDef schema;
        boolean core;
        Optional<AttributeDef> attr;
        if (schemaUrn == null || schemaUrn.equalsIgnoreCase(type.core().id())) {
            schema = type.core();
            core = true;
            attr = schema.attribute(attribute).or(() -> common(attribute));
        } else {
            Optional<SchemaDef> ext = type.extensions().stream().filter(s -> s.id().equalsIgnoreCase(schemaUrn)).findFirst();
            if (ext.isEmpty()) {
                return Optional.empty();
            }
            schema = ext.get();
            core = false;
            attr = schema.attribute(attribute);
        }
        if (attr.isEmpty()) {
            return Optional.empty();
        }
        if (subAttribute == null) {
            return Optional.of(new ResolvedAttribute(schema, core, attr.get(), null));
        }
        return attr.get().subAttribute(subAttribute).map(sub -> new ResolvedAttribute(schema, core, attr.get(), sub));
    }

    /**
     * Like {@link #resolve}, but an unqualified name that is not in the core schema is also looked up
     * in the extensions (clients do send {@code employeeNumber} bare) when exactly one of them has it.
     */
    public Optional<ResolvedAttribute> resolveLenient(ResourceTypeDef type, String schemaUrn, String attribute,
                                                      String subAttribute) {
        Optional<ResolvedAttribute> found = resolve(type, schemaUrn, attribute, subAttribute);
        if (found.isPresent() || schemaUrn != null) {
            return found;
        }
        List<ResolvedAttribute> inExtensions = type.extensions().stream()
                .map(ext -> resolve(type, ext.id(), attribute, subAttribute))
                .flatMap(Optional::stream)
                .toList();
        return inExtensions.size() == 1 ? Optional.of(inExtensions.get(0)) : Optional.empty();
    }

    /** Every leaf path of a resource type (for indexing and discovery), as resolved attributes. */
    public List<ResolvedAttribute> leaves(ResourceTypeDef type) {
        List<ResolvedAttribute> out = new ArrayList<>();
        List<SchemaDef> all = new ArrayList<>();
        all.add(type.core());
        all.addAll(type.extensions());
        for (SchemaDef schema : all) {
            boolean core = schema == type.core();
            for (AttributeDef a : schema.attributes()) {
                if (a.isComplex()) {
                    a.subAttributes().forEach(s -> out.add(new ResolvedAttribute(schema, core, a, s)));
                } else {
                    out.add(new ResolvedAttribute(schema, core, a, null));
                }
            }
        }
        return out;
    }

    private static Optional<AttributeDef> common(String attribute) {
        String wanted = attribute.toLowerCase(Locale.ROOT);
        return CommonAttributes.ALL.stream().filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
