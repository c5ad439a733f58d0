package dev.rollcall.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One attribute of a SCIM schema, with the characteristics of RFC 7643 §7. */
public record AttributeDef(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDef> subAttributes) {

    public AttributeDef {
        // RFC 7643 §7: a reference names what it refers to; clients refuse a schema that does not say
        if ((type == AttributeType.REFERENCE) == referenceTypes.isEmpty()) {
            throw new IllegalArgumentException(name + ": referenceTypes are required for, and only for, reference attributes");
        }
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
    }

    /**
     * Hashes name and type only: the generated hash walks all sub-attributes and lists on every
     * call, which showed in profiles of the request path. Consistent with the generated equals.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(name) + Objects.hashCode(type);
    }

    /** Sub-attribute by name, case-insensitively (SCIM attribute names are case-insensitive). */
    public Optional<AttributeDef> subAttribute(String subName) {
        String wanted = subName.toLowerCase(Locale.ROOT);
        return subAttributes.stream().filter(a -> a.name.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    /** Fluent construction with RFC 7643 defaults (readWrite, returned default, not unique). */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private List<AttributeDef> subAttributes = List.of();

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder multiValued() { this.multiValued = true; return this; }
        public Builder description(String d) { this.description = d; return this; }
        public Builder required() { this.required = true; return this; }
        public Builder caseExact() { this.caseExact = true; return this; }
        public Builder mutability(Mutability m) { this.mutability = m; return this; }
        public Builder returned(Returned r) { this.returned = r; return this; }
        public Builder uniqueness(Uniqueness u) { this.uniqueness = u; return this; }
        public Builder canonicalValues(String... values) { this.canonicalValues = List.of(values); return this; }
        public Builder referenceTypes(String... types) { this.referenceTypes = List.of(types); return this; }
        public Builder subAttributes(AttributeDef... subs) { this.subAttributes = List.of(subs); return this; }

        public AttributeDef build() {
            return new AttributeDef(name, type, multiValued, description, required, caseExact, mutability,
                    returned, uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
