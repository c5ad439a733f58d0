package dev.rollcall.delivery.rules;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a subscription names the golden attributes it receives. Without fields every golden attribute
 * goes out under its own name. With fields only they go out, in their order: each takes a golden
 * attribute ({@code from}) or a {@code constant}, optionally lower-cased, then looked up in a table
 * (a value the table lacks becomes {@code otherwise}, or stays as it is without one). A field whose
 * golden attribute the person lacks is left out.
 */
public final class AttributeMapping {
    public static final AttributeMapping NONE = new AttributeMapping(List.of());
    static final int MAX_FIELDS = 200;
    static final int MAX_TEXT = 512;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:$-]{1,128}");

    /** One target field; exactly one of {@code from} and {@code constant} is set; {@code lookup} may be empty. */
    public record Field(String to, String from, String constant, boolean lowercase, Map<String, String> lookup,
                        String otherwise) {
        public Field {
            lookup = lookup == null ? Map.of() : Map.copyOf(lookup);
        }
    }

    private final List<Field> fields;

    private AttributeMapping(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    /** Validates every field; the message names the field that is wrong. */
    public static AttributeMapping of(List<Field> fields) {
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("at most " + MAX_FIELDS + " fields");
        }
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String at = "field " + (i + 1) + ": ";
            if (f.to() == null || !NAME.matcher(f.to()).matches()) {
                throw new IllegalArgumentException(at + "'to' must be a field name of letters, digits and _ . : $ - (1 to 128)");
            }
            if (!targets.add(f.to())) {
                throw new IllegalArgumentException(at + "'" + f.to() + "' is mapped twice");
            }
            if ((f.from() == null) == (f.constant() == null)) {
                throw new IllegalArgumentException(at + "exactly one of 'from' (a golden attribute) and 'constant' is required");
            }
            if (f.from() != null && !NAME.matcher(f.from()).matches()) {
                throw new IllegalArgumentException(at + "'from' must be a golden attribute name such as name.givenName");
            }
            if (f.constant() != null && (f.lowercase() || !f.lookup().isEmpty() || f.otherwise() != null)) {
                throw new IllegalArgumentException(at + "a 'constant' takes no 'lowercase', 'lookup' or 'otherwise'");
            }
            if (f.otherwise() != null && f.lookup().isEmpty()) {
                throw new IllegalArgumentException(at + "'otherwise' needs a 'lookup' table");
            }
            checkLength(at + "'constant'", f.constant());
            checkLength(at + "'otherwise'", f.otherwise());
            f.lookup().forEach((k, v) -> {
                checkLength(at + "a 'lookup' key", k);
                if (v == null) {
                    throw new IllegalArgumentException(at + "'lookup' values must be strings");
                }
                checkLength(at + "a 'lookup' value", v);
            });
        }
        return new AttributeMapping(fields);
    }

    private static void checkLength(String what, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT + " characters");
        }
    }

    public List<Field> fields() {
        return fields;
    }

    public boolean isNone() {
        return fields.isEmpty();
    }

    /** Equal when they map the same fields the same way (a rendered body can then be shared). */
    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeMapping m && m.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** The attributes as the subscription receives them, from the golden attributes (name to value). */
    public Map<String, String> apply(Map<String, String> golden) {
        Map<String, String> out = new LinkedHashMap<>();
        if (fields.isEmpty()) {
            new java.util.TreeMap<>(golden).forEach(out::put);
            return out;
        }
        for (Field f : fields) {
            String v = f.constant() != null ? f.constant() : golden.get(f.from());
            if (v == null) {
                continue;
            }
            if (f.lowercase()) {
                v = v.toLowerCase(Locale.ROOT);
            }
            if (!f.lookup().isEmpty()) {
                String mapped = f.lookup().get(v);
                v = mapped != null ? mapped : f.otherwise() != null ? f.otherwise() : v;
            }
            out.put(f.to(), v);
        }
        return out;
    }
}
