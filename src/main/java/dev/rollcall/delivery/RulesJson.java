package dev.rollcall.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.PersonFilter;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.Persona;
import dev.rollcall.identity.SourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON form of a subscription's attribute mapping and person filter: the same in the admin API and
 * in the subscription row. Reading validates; a bad document is an IllegalArgumentException whose
 * message names the member at fault.
 *
 * <pre>
 * attributeMapping: [{"to":"email","from":"emails.work","lowercase":true},
 *                    {"to":"role","from":"title","lookup":{"Engineer":"staff"},"otherwise":"guest"},
 *                    {"to":"tenant","constant":"acme"}]
 * personFilter: {"personas":["employee"],"departments":["Sales"],"sourceKinds":["hris"],"states":["active"]}
 * </pre>
 */
public final class RulesJson {
    private static final Set<String> FIELD_MEMBERS = Set.of("to", "from", "constant", "lowercase", "lookup", "otherwise");
    private static final Set<String> FILTER_MEMBERS = Set.of("personas", "departments", "sourceKinds", "states");
    private final ObjectMapper json;

    public RulesJson(ObjectMapper json) {
        this.json = json;
    }

    public AttributeMapping mapping(JsonNode in) {
        if (in == null || in.isNull()) {
            return AttributeMapping.NONE;
        }
        if (!in.isArray()) {
            throw new IllegalArgumentException("'attributeMapping' must be an array of fields such as"
                    + " {\"to\":\"email\",\"from\":\"emails.work\"}");
        }
        List<AttributeMapping.Field> fields = new ArrayList<>();
        int i = 0;
        for (JsonNode f : in) {
            i++;
            String at = "'attributeMapping' field " + i + ": ";
            if (!f.isObject()) {
                throw new IllegalArgumentException(at + "must be an object");
            }
            only(f, FIELD_MEMBERS, at);
            JsonNode lookup = f.get("lookup");
            Map<String, String> table = new LinkedHashMap<>();
            if (lookup != null && !lookup.isNull()) {
                if (!lookup.isObject()) {
                    throw new IllegalArgumentException(at + "'lookup' must be an object of value to value");
                }
                for (Map.Entry<String, JsonNode> e : lookup.properties()) {
                    if (!e.getValue().isTextual()) {
                        throw new IllegalArgumentException(at + "'lookup' values must be strings");
                    }
                    table.put(e.getKey(), e.getValue().asText());
                }
            }
            JsonNode lower = f.get("lowercase");
            if (lower != null && !lower.isBoolean()) {
                throw new IllegalArgumentException(at + "'lowercase' must be true or false");
            }
            fields.add(new AttributeMapping.Field(text(f, "to", at), text(f, "from", at), text(f, "constant", at),
                    lower != null && lower.asBoolean(), table, text(f, "otherwise", at)));
        }
        try {
            return AttributeMapping.of(fields);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'attributeMapping' " + e.getMessage());
        }
    }

    public PersonFilter filter(JsonNode in) {
        if (in == null || in.isNull()) {
            return PersonFilter.NONE;
        }
        if (!in.isObject()) {
            throw new IllegalArgumentException("'personFilter' must be an object such as {\"personas\":[\"employee\"]}");
        }
        only(in, FILTER_MEMBERS, "'personFilter': ");
        Set<Persona.Kind> personas = values(in, "personas", v -> enumOf(Persona.Kind.values(), v, Persona.Kind::wireName));
        Set<String> departments = values(in, "departments", v -> v);
        Set<SourceKind> kinds = values(in, "sourceKinds", v -> enumOf(SourceKind.values(), v, SourceKind::wireName));
        Set<LifecycleState> states = values(in, "states", v -> enumOf(LifecycleState.values(), v, LifecycleState::wireName));
        try {
            return new PersonFilter(personas, departments, kinds, states);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'personFilter': " + e.getMessage());
        }
    }

    public ArrayNode toTree(AttributeMapping m) {
        ArrayNode out = json.createArrayNode();
        for (AttributeMapping.Field f : m.fields()) {
            ObjectNode o = out.addObject().put("to", f.to());
            if (f.from() != null) {
                o.put("from", f.from());
            }
            if (f.constant() != null) {
                o.put("constant", f.constant());
            }
            if (f.lowercase()) {
                o.put("lowercase", true);
            }
            if (!f.lookup().isEmpty()) {
                ObjectNode t = o.putObject("lookup");
                new java.util.TreeMap<>(f.lookup()).forEach(t::put);
            }
            if (f.otherwise() != null) {
                o.put("otherwise", f.otherwise());
            }
        }
        return out;
    }

    public ObjectNode toTree(PersonFilter f) {
        ObjectNode out = json.createObjectNode();
        list(out, "personas", f.personas().stream().map(Persona.Kind::wireName).sorted().toList());
        list(out, "departments", f.departments().stream().sorted().toList());
        list(out, "sourceKinds", f.sourceKinds().stream().map(SourceKind::wireName).sorted().toList());
        list(out, "states", f.states().stream().map(LifecycleState::wireName).sorted().toList());
        return out;
    }

    /** The stored text (NULL for none) and back. */
    public String store(AttributeMapping m) {
        return m.isNone() ? null : write(toTree(m));
    }

    public String store(PersonFilter f) {
        return f.isNone() ? null : write(toTree(f));
    }

    public AttributeMapping storedMapping(String text) {
        return text == null ? AttributeMapping.NONE : mapping(read(text));
    }

    public PersonFilter storedFilter(String text) {
        return text == null ? PersonFilter.NONE : filter(read(text));
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a subscription rule could not be written", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored subscription rule is not valid JSON", e);
        }
    }

    private static void list(ObjectNode out, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = out.putArray(name);
            values.forEach(a::add);
        }
    }

    private static void only(JsonNode in, Set<String> allowed, String at) {
        in.fieldNames().forEachRemaining(n -> {
            if (!allowed.contains(n)) {
                throw new IllegalArgumentException(at + "unknown member '" + n + "'; expected " + new java.util.TreeSet<>(allowed));
            }
        });
    }

    private static String text(JsonNode in, String name, String at) {
        JsonNode v = in.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(at + "'" + name + "' must be a string");
        }
        return v.asText();
    }

    private static <T> Set<T> values(JsonNode in, String name, Function<String, T> parse) {
        JsonNode v = in.get(name);
        Set<T> out = new LinkedHashSet<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            throw new IllegalArgumentException("'personFilter." + name + "' must be an array of strings");
        }
        for (JsonNode x : v) {
            if (!x.isTextual()) {
                throw new IllegalArgumentException("'personFilter." + name + "' must contain strings only");
            }
            try {
                out.add(parse.apply(x.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'personFilter." + name + "': " + e.getMessage());
            }
        }
        return out;
    }

    private static <E> E enumOf(E[] values, String wire, Function<E, String> name) {
        for (E e : values) {
            if (name.apply(e).equals(wire.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + wire + "' is not one of "
                + java.util.Arrays.stream(values).map(name).toList());
    }
}
