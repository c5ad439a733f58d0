package dev.rollcall.scim.groups;

import dev.rollcall.directory.RequestedMember;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.patch.PatchEngine;
import dev.rollcall.scim.resource.JsonKeys;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.SchemaUris;
import dev.rollcall.directory.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a PatchOp request to a group whose members are kept apart from its body.
 *
 * <p>Why not simply the {@link PatchEngine} on the whole group: its multi-value rules compare every
 * element with every other, which takes seconds on a group of ten thousand, and identity providers
 * patch big groups all day. So the operations clients actually send for members — add, remove or
 * replace at path {@code members}, and remove at {@code members[value eq "…"]} — are applied here to
 * a map keyed by id in linear time. Every other operation goes through the engine, in order, each
 * run of consecutive ones in one call: on the body alone when none touches members (a rename), or on
 * the body with the members rendered into it once when one does (say {@code members[type eq "Group"]}),
 * so any valid PATCH still works and none costs more than one pass over the request.
 */
public final class GroupPatcher {
    private static final String MEMBERS_URN = SchemaUris.GROUP.toLowerCase(Locale.ROOT) + ":members";
    private static final Pattern REMOVE_ONE = Pattern.compile(
            "^(?:" + Pattern.quote(MEMBERS_URN) + "|members)\\[\\s*value\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*]$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBERED = Pattern.compile("Operations\\[(\\d+)]");
    private final PatchEngine engine;
    private final MemberInput input;
    private final ResourceTypeDef type;

    /** The patched body (members removed) and the members the group is left with, in order. */
    public record Patched(ObjectNode body, List<RequestedMember> members) {
    }

    public GroupPatcher(PatchEngine engine, MemberInput input, SchemaRegistry schemas) {
        this.engine = engine;
        this.input = input;
        this.type = schemas.group();
    }

    /**
     * @param body    the stored body (no members); not modified
     * @param current the stored members
     * @throws ScimException as {@link PatchEngine#apply} for a bad request or operation; invalidValue for
     *                       a malformed member or a member named with the wrong type
     */
    public Patched apply(ObjectNode body, List<Member> current, JsonNode request) {
        JsonNode operations = request.isObject() ? JsonKeys.get((ObjectNode) request, "Operations") : null;
        if (operations == null || !operations.isArray() || operations.isEmpty() || !patchOpSchema(request)) {
            engine.apply(type, body, request); // reports exactly what is wrong with the request
            throw ScimException.invalidSyntax("A PATCH body must be a PatchOp message with 'Operations'.");
        }
        engine.checkOperationCount(operations.size());
        State state = new State(body.deepCopy(), current);
        // consecutive operations the engine must apply go to it together, so that each is read once
        // and the members are rendered once per run, not once per operation
        int run = -1;
        for (int i = 0; i < operations.size(); i++) {
            Optional<Consumer<State>> member = memberOperation(operations.get(i));
            if (member.isEmpty()) {
                run = run < 0 ? i : run;
                continue;
            }
            applyWithEngine(request, operations, run, i, state);
            run = -1;
            try {
                member.get().accept(state);
            } catch (ScimException e) {
                throw relabel(e, i);
            }
        }
        applyWithEngine(request, operations, run, operations.size(), state);
        return new Patched(state.body, new ArrayList<>(state.members.values()));
    }

    /** An add/remove/replace of members applied natively, or empty when the operation is not one of those. */
    private Optional<Consumer<State>> memberOperation(JsonNode operation) {
        if (!operation.isObject()) {
            return Optional.empty();
        }
        ObjectNode op = (ObjectNode) operation;
        JsonNode opName = JsonKeys.get(op, "op");
        JsonNode path = JsonKeys.get(op, "path");
        if (opName == null || !opName.isTextual() || path == null || !path.isTextual()) {
            return Optional.empty();
        }
        String name = opName.asText().trim().toLowerCase(Locale.ROOT);
        String target = path.asText().trim();
        String valueKey = JsonKeys.find(op, "value");
        JsonNode value = valueKey == null ? null : op.get(valueKey);
        Matcher one = REMOVE_ONE.matcher(target);
        if (name.equals("remove") && one.matches()) {
            String id = one.group(1).replaceAll("\\\\(.)", "$1");
            return Optional.of(state -> state.members.remove(id));
        }
        if (!target.equalsIgnoreCase("members") && !target.equalsIgnoreCase(MEMBERS_URN)) {
            return Optional.empty();
        }
        return switch (name) {
            // without a value the engine reports it missing
            case "add" -> valueKey == null ? Optional.empty() : Optional.of(state -> input.read(value).forEach(state::add));
            case "replace" -> valueKey == null ? Optional.empty() : Optional.of(state -> {
                List<RequestedMember> replacement = input.read(value);
                Map<String, RequestedMember> before = state.members;
                state.members = new LinkedHashMap<>();
                replacement.forEach(r -> state.add(r, before.get(r.value())));
            });
            case "remove" -> Optional.of(state -> {
                if (value == null || value.isNull()) {
                    state.members.clear();
                } else {
                    input.read(value).forEach(r -> state.members.remove(r.value()));
                }
            });
            default -> Optional.empty();
        };
    }

    /**
     * Runs operations {@code from..to-1} through the engine in one request, with the members in the body
     * only when one of them may touch them. Nothing to do when {@code from} is negative.
     */
    private void applyWithEngine(JsonNode request, JsonNode operations, int from, int to, State state) {
        if (from < 0) {
            return;
        }
        ObjectNode run = JsonNodeFactory.instance.objectNode();
        String schemasKey = JsonKeys.find((ObjectNode) request, "schemas");
        if (schemasKey != null) {
            run.set(schemasKey, request.get(schemasKey));
        }
        ArrayNode ops = run.putArray("Operations");
        boolean touchesMembers = false;
        for (int i = from; i < to; i++) {
            ops.add(operations.get(i));
            touchesMembers |= touchesMembers(operations.get(i));
        }
        try {
            if (!touchesMembers) {
                state.body = engine.apply(type, state.body, run);
                return;
            }
            ObjectNode patched = engine.apply(type, withMembers(state), run);
            List<RequestedMember> left = input.take(patched);
            Map<String, RequestedMember> before = state.members;
            state.members = new LinkedHashMap<>();
            left.forEach(r -> state.add(r, before.get(r.value())));
            state.body = patched;
        } catch (ScimException e) {
            throw relabel(e, from);
        }
    }

    private static ObjectNode withMembers(State state) {
        ObjectNode withMembers = state.body.deepCopy();
        if (!state.members.isEmpty()) {
            ArrayNode members = withMembers.putArray("members");
            for (RequestedMember m : state.members.values()) {
                ObjectNode element = members.addObject().put("value", m.value());
                String display = state.displays.get(m.value());
                if (display != null) {
                    element.put("display", display);
                }
                if (m.type() != null) {
                    element.put("type", m.type());
                }
            }
        }
        return withMembers;
    }

    private static boolean touchesMembers(JsonNode operation) {
        if (!operation.isObject()) {
            return false;
        }
        JsonNode path = JsonKeys.get((ObjectNode) operation, "path");
        if (path != null && path.isTextual() && !path.asText().isBlank()) {
            String p = path.asText().trim().toLowerCase(Locale.ROOT);
            return p.startsWith("members") || p.startsWith(MEMBERS_URN);
        }
        String valueKey = JsonKeys.find((ObjectNode) operation, "value");
        JsonNode value = valueKey == null ? null : operation.get(valueKey);
        if (value == null || !value.isObject()) {
            return false;
        }
        for (var it = value.fieldNames(); it.hasNext(); ) {
            String key = it.next().toLowerCase(Locale.ROOT);
            if (key.equals("members") || key.startsWith("members.") || key.startsWith(MEMBERS_URN)) {
                return true;
            }
        }
        return false;
    }

    private static boolean patchOpSchema(JsonNode request) {
        JsonNode schemas = JsonKeys.get((ObjectNode) request, "schemas");
        if (schemas == null || schemas.isNull()) {
            return true;
        }
        if (schemas.isTextual()) {
            return schemas.asText().equalsIgnoreCase(SchemaUris.PATCH_OP);
        }
        for (JsonNode s : schemas) {
            if (s.isTextual() && s.asText().equalsIgnoreCase(SchemaUris.PATCH_OP)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names the failing operation by its place in the client's request: the engine numbers the
     * operations of the run it was given from 0, and member operations applied here are not numbered.
     */
    private static ScimException relabel(ScimException e, int first) {
        String detail = String.valueOf(e.getMessage());
        Matcher numbered = NUMBERED.matcher(detail);
        String relabelled = numbered.lookingAt()
                ? "Operations[" + (first + Integer.parseInt(numbered.group(1))) + "]" + detail.substring(numbered.end())
                : "Operations[" + first + "]: " + detail;
        return new ScimException(e.status(), e.scimType(), relabelled);
    }

    /** The body and the members as the operations leave them. */
    private static final class State {
        ObjectNode body;
        Map<String, RequestedMember> members = new LinkedHashMap<>();
        final Map<String, String> displays = new LinkedHashMap<>();

        State(ObjectNode body, List<Member> current) {
            this.body = body;
            for (Member m : current) {
                members.put(m.id(), new RequestedMember(m.id(), m.kind().scimName()));
                displays.put(m.id(), m.display());
            }
        }

        void add(RequestedMember r) {
            add(r, members.get(r.value()));
        }

        /** Adds (or keeps) a member; a type that contradicts the one known for that id is refused. */
        void add(RequestedMember r, RequestedMember known) {
            if (known != null && r.type() != null && known.type() != null && !known.type().equals(r.type())) {
                throw ScimException.mutability("'members.type' of member '" + r.value() + "' is " + known.type()
                        + " and cannot be changed to " + r.type() + ".");
            }
            RequestedMember kept = known != null && known.type() != null ? known : r;
            members.putIfAbsent(r.value(), kept);
        }
    }
}
