package dev.rollcall.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.scim.http.ETags;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.scim.resource.ImmutabilityGuard;
import dev.rollcall.scim.resource.ResourceNormalizer;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.store.Database;
import dev.rollcall.store.FilterSql;
import dev.rollcall.store.SortOrders;
import dev.rollcall.store.GroupStore;
import dev.rollcall.store.StoredGroup;
import dev.rollcall.store.StoredMember;
import dev.rollcall.store.Transactions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * SCIM Groups for one source: validation, member resolution and the transactional write of the group,
 * its value index, the member rows that changed, its event and its audit record (see {@link GroupWriter}).
 * A write that changes nothing (a PUT of the same group, re-adding a present member) stores nothing.
 */
public final class GroupService {
    /** Column widths of scim_group: longer values are refused rather than failing in the database. */
    private static final int MAX_TEXT = 255;
    private final Database database;
    private final Transactions transactions;
    private final ResourceTypeDef type;
    private final ResourceNormalizer normalizer;
    private final ImmutabilityGuard immutability;
    private final GroupPatcher patcher;
    private final MemberInput memberInput;
    private final MemberResolver resolver;
    private final GroupStore groups;
    private final FilterSql filters;
    private final GroupRenderer renderer;
    private final GroupWriter writer;

    public GroupService(Database database, Transactions transactions, SchemaRegistry schemas, ResourceNormalizer normalizer,
                        ImmutabilityGuard immutability, GroupPatcher patcher, MemberInput memberInput,
                        MemberResolver resolver, GroupStore groups, FilterSql filters, GroupRenderer renderer,
                        GroupWriter writer) {
        this.database = database;
        this.transactions = transactions;
        this.type = schemas.group();
        this.normalizer = normalizer;
        this.immutability = immutability;
        this.patcher = patcher;
        this.memberInput = memberInput;
        this.resolver = resolver;
        this.groups = groups;
        this.filters = filters;
        this.renderer = renderer;
        this.writer = writer;
    }

    public GroupView create(Source source, Caller caller, JsonNode body) {
        ObjectNode copy = objectCopy(body);
        List<RequestedMember> members = memberInput.take(copy);
        ObjectNode canonical = canonical(copy);
        return transactions.inTransaction(tx -> {
            List<StoredMember> resolved = resolver.resolve(tx, source.id(), null, members);
            StoredGroup created = writer.create(tx, source, caller, UUID.randomUUID().toString(), canonical, resolved);
            return new GroupView(created, resolved);
        });
    }

    public GroupView get(Source source, String id) {
        DSLContext db = database.dsl();
        StoredGroup group = groups.byId(db, source.id(), id, false).orElseThrow(() -> notFound(id));
        return new GroupView(group, groups.members(db, group.pk()));
    }

    public GroupView replace(Source source, Caller caller, String id, JsonNode body, String ifMatch) {
        ObjectNode copy = objectCopy(body);
        List<RequestedMember> members = memberInput.take(copy);
        ObjectNode canonical = canonical(copy);
        return transactions.inTransaction(tx -> {
            StoredGroup current = lockForWrite(tx, source, id, ifMatch);
            immutability.check(type, renderer.storedBody(current), canonical);
            return store(tx, source, caller, current, groups.members(tx, current.pk()), canonical, members,
                    "scim.group.replace");
        });
    }

    public GroupView patch(Source source, Caller caller, String id, JsonNode patchRequest, String ifMatch) {
        JsonNode request = memberInput.withoutRefs(patchRequest);
        return transactions.inTransaction(tx -> {
            StoredGroup current = lockForWrite(tx, source, id, ifMatch);
            List<StoredMember> before = groups.members(tx, current.pk());
            GroupPatcher.Patched patched = patcher.apply(renderer.storedBody(current), before, request);
            return store(tx, source, caller, current, before, canonical(patched.body()), patched.members(),
                    "scim.group.patch");
        });
    }

    public void delete(Source source, Caller caller, String id, String ifMatch) {
        transactions.inTransaction(tx -> {
            writer.delete(tx, source, caller, lockForWrite(tx, source, id, ifMatch));
            return null;
        });
    }

    /** A page of the source's groups; without members when the response will not show them. */
    public Page<GroupView> list(Source source, ListParams params, boolean withMembers) {
        DSLContext db = database.dsl();
        Condition condition;
        List<SortField<?>> order;
        try {
            condition = params.filter() == null ? DSL.noCondition() : filters.groups(source.id(), params.filter());
            order = params.sortBy() == null ? GroupStore.defaultOrder() : sortOrder(params);
        } catch (FilterException e) {
            throw ScimException.invalidFilter(e.getMessage());
        }
        int total = groups.count(db, source.id(), condition);
        List<StoredGroup> page = params.count() == 0 ? List.of()
                : groups.page(db, source.id(), condition, order, params.startIndex() - 1, params.count());
        Map<Long, List<StoredMember>> members = withMembers && !page.isEmpty()
                ? groups.membersOf(db, page.stream().map(StoredGroup::pk).toList()) : Map.of();
        List<GroupView> items = page.stream()
                .map(g -> withMembers ? new GroupView(g, members.getOrDefault(g.pk(), List.of())) : GroupView.withoutMembers(g))
                .toList();
        return new Page<>(items, total, params.startIndex());
    }

    /** Writes the new body and the member difference, or nothing when neither changed. */
    private GroupView store(DSLContext tx, Source source, Caller caller, StoredGroup current, List<StoredMember> before,
                            ObjectNode canonical, List<RequestedMember> requested, String action) {
        MemberChanges changes = MemberChanges.between(before, requested);
        List<StoredMember> added = resolver.resolve(tx, source.id(), current, changes.added());
        if (changes.isEmpty() && renderer.storedBody(current).equals(canonical)) {
            return new GroupView(current, before);
        }
        StoredGroup updated = writer.update(tx, source, caller, current, canonical, added, changes.removed(), action);
        List<StoredMember> after = new ArrayList<>(before);
        after.removeAll(new HashSet<>(changes.removed()));
        after.addAll(added);
        return new GroupView(updated, after);
    }

    private ObjectNode canonical(ObjectNode body) {
        ObjectNode canonical = normalizer.normalize(type, body);
        checkLength(canonical, "displayName");
        checkLength(canonical, "externalId");
        return canonical;
    }

    private static void checkLength(ObjectNode canonical, String attribute) {
        JsonNode value = canonical.get(attribute);
        if (value != null && value.asText().length() > MAX_TEXT) {
            throw ScimException.invalidValue("Attribute '" + attribute + "' is longer than " + MAX_TEXT + " characters.");
        }
    }

    private static ObjectNode objectCopy(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.invalidSyntax("The request body must be a JSON object.");
        }
        return ((ObjectNode) body).deepCopy();
    }

    private List<SortField<?>> sortOrder(ListParams params) {
        return SortOrders.by(filters.groupSortField(params.sortBy()), params.descending(), GroupStore.defaultOrder().get(0));
    }

    private StoredGroup lockForWrite(DSLContext tx, Source source, String id, String ifMatch) {
        StoredGroup current = groups.byId(tx, source.id(), id, true).orElseThrow(() -> notFound(id));
        ETags.checkIfMatch(ifMatch, current.version());
        return current;
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("Group " + id + " not found");
    }
}
