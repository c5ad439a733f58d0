package dev.rollcall.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.directory.DirectoryQueries;
import dev.rollcall.directory.Group;
import dev.rollcall.directory.GroupChanges;
import dev.rollcall.directory.GroupContent;
import dev.rollcall.directory.GroupRevision;
import dev.rollcall.directory.GroupState;
import dev.rollcall.directory.Member;
import dev.rollcall.directory.RequestedMember;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Source;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.filter.ValueIndexer;
import dev.rollcall.scim.DirectoryErrors;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.http.ETags;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.scim.resource.ImmutabilityGuard;
import dev.rollcall.scim.resource.ResourceNormalizer;
import dev.rollcall.scim.resource.StoredKeys;
import java.util.List;
import java.util.Map;

/**
 * SCIM Groups for one source: parses and normalises what the client sent, takes the members out of
 * it, and hands the group's content and requested members to the domain's {@link GroupChanges},
 * which resolves the members and writes the change in one transaction. Reads go to {@link DirectoryQueries}.
 */
public final class GroupService {
    private final ResourceTypeDef type;
    private final ResourceNormalizer normalizer;
    private final ImmutabilityGuard immutability;
    private final GroupPatcher patcher;
    private final MemberInput memberInput;
    private final GroupRenderer renderer;
    private final GroupChanges changes;
    private final DirectoryQueries directory;

    public GroupService(SchemaRegistry schemas, ResourceNormalizer normalizer, ImmutabilityGuard immutability,
                        GroupPatcher patcher, MemberInput memberInput, GroupRenderer renderer, GroupChanges changes,
                        DirectoryQueries directory) {
        this.type = schemas.group();
        this.normalizer = normalizer;
        this.immutability = immutability;
        this.patcher = patcher;
        this.memberInput = memberInput;
        this.renderer = renderer;
        this.changes = changes;
        this.directory = directory;
    }

    public GroupView create(Source source, Actor actor, JsonNode body) {
        ObjectNode copy = objectCopy(body);
        List<RequestedMember> members = memberInput.take(copy);
        GroupContent content = content(canonical(copy));
        GroupState created = DirectoryErrors.translate(() ->
                changes.create(actor, "scim.group.create", source, content, members));
        return new GroupView(created.group(), created.members());
    }

    public GroupView get(Source source, String id) {
        Group group = directory.group(source.id(), id).orElseThrow(() -> notFound(id));
        return new GroupView(group, directory.members(group.pk()));
    }

    public GroupView replace(Source source, Actor actor, String id, JsonNode body, String ifMatch) {
        ObjectNode copy = objectCopy(body);
        List<RequestedMember> members = memberInput.take(copy);
        ObjectNode canonical = canonical(copy);
        GroupContent content = content(canonical);
        return change(actor, "scim.group.replace", source, id, (current, before) -> {
            ETags.checkIfMatch(ifMatch, current.version());
            ObjectNode stored = renderer.storedBody(current);
            immutability.check(type, stored, canonical);
            return new GroupRevision.Edit(content, members, !stored.equals(canonical));
        });
    }

    public GroupView patch(Source source, Actor actor, String id, JsonNode patchRequest, String ifMatch) {
        JsonNode request = memberInput.withoutRefs(patchRequest);
        return change(actor, "scim.group.patch", source, id, (current, before) -> {
            ETags.checkIfMatch(ifMatch, current.version());
            ObjectNode stored = renderer.storedBody(current);
            GroupPatcher.Patched patched = patcher.apply(stored, before, request);
            ObjectNode canonical = canonical(patched.body());
            return new GroupRevision.Edit(content(canonical), patched.members(), !stored.equals(canonical));
        });
    }

    public void delete(Source source, Actor actor, String id, String ifMatch) {
        DirectoryErrors.translate(() -> {
            changes.delete(actor, "scim.group.delete", source, id, current -> ETags.checkIfMatch(ifMatch, current.version()));
            return null;
        });
    }

    /** A page of the source's groups; without members when the response will not show them. */
    public Page<GroupView> list(Source source, ListParams params, boolean withMembers) {
        DirectoryQueries.Page<Group> page;
        try {
            page = directory.groups(source.id(), params.filter(), new DirectoryQueries.Slice(params.sortBy(),
                    params.descending(), params.startIndex() - 1, params.count()));
        } catch (FilterException e) {
            throw ScimException.invalidFilter(e.getMessage());
        }
        Map<Long, List<Member>> members = withMembers ? directory.membersOf(page.items().stream().map(Group::pk).toList())
                : Map.of();
        List<GroupView> items = page.items().stream()
                .map(g -> withMembers ? new GroupView(g, members.getOrDefault(g.pk(), List.of())) : GroupView.withoutMembers(g))
                .toList();
        return new Page<>(items, page.total(), params.startIndex());
    }

    private GroupView change(Actor actor, String action, Source source, String id, GroupRevision revision) {
        GroupState state = DirectoryErrors.translate(() -> changes.change(actor, action, source, id, revision));
        return new GroupView(state.group(), state.members());
    }

    private GroupContent content(ObjectNode canonical) {
        String externalId = canonical.hasNonNull("externalId") ? canonical.get("externalId").asText() : null;
        return new GroupContent(externalId, canonical.path("displayName").asText(), canonical.toString(),
                ValueIndexer.index(type, canonical));
    }

    private ObjectNode canonical(ObjectNode body) {
        ObjectNode canonical = normalizer.normalize(type, body);
        StoredKeys.check(canonical, null, "displayName", true);
        StoredKeys.check(canonical, null, "externalId", false);
        return canonical;
    }

    private static ObjectNode objectCopy(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object.");
        }
        return ((ObjectNode) body).deepCopy();
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("Group " + id + " not found");
    }
}
