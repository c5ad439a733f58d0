package dev.rollcall.scim.groups;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.ValueIndexer;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.store.AuditStore;
import dev.rollcall.store.Duplicates;
import dev.rollcall.store.EventStore;
import dev.rollcall.store.GroupStore;
import dev.rollcall.store.StoredGroup;
import dev.rollcall.store.StoredMember;
import dev.rollcall.store.ValueRow;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Writes one group change inside the caller's transaction: the group row and its value index, the
 * member rows that changed, one event and one audit record. Nothing here commits.
 *
 * <p>Audit states are the group body plus the member ids added and removed, not the whole member
 * list: a one-member PATCH of a group of ten thousand must not write half a megabyte of audit.
 */
public final class GroupWriter {
    private final ResourceTypeDef type;
    private final GroupStore groups;
    private final EventStore events;
    private final AuditStore audit;
    private final ObjectMapper json;
    private final Clock clock;

    public GroupWriter(ResourceTypeDef type, GroupStore groups, EventStore events, AuditStore audit, ObjectMapper json,
                       Clock clock) {
        this.type = type;
        this.groups = groups;
        this.events = events;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public StoredGroup create(DSLContext tx, Source source, Caller caller, String id, ObjectNode canonical,
                              List<StoredMember> members) {
        Instant now = now();
        GroupStore.GroupWrite write = write(canonical);
        long pk;
        try {
            pk = groups.insert(tx, source.id(), id, now, write);
        } catch (DataAccessException e) {
            throw duplicateOr(e, write);
        }
        groups.replaceValues(tx, pk, source.id(), index(canonical), false);
        groups.addMembers(tx, pk, members);
        events.append(tx, now, List.of(new EventStore.NewEvent("group.created", null, null, id, source.id(),
                payload(source, id, write.displayName(), members, List.of()).toString())));
        audit.append(tx, now, new AuditStore.Entry(caller.auditName(), "scim.group.create", "group", id,
                null, withChanges(canonical, members, List.of()).toString(), null));
        return new StoredGroup(pk, id, source.id(), write.externalId(), write.displayName(), write.resourceJson(), 1,
                now, now);
    }

    /** Replaces the body and applies the member difference; {@code action} is the audit action. */
    public StoredGroup update(DSLContext tx, Source source, Caller caller, StoredGroup current, ObjectNode canonical,
                              List<StoredMember> added, List<StoredMember> removed, String action) {
        Instant now = now();
        GroupStore.GroupWrite write = write(canonical);
        try {
            groups.replace(tx, current.pk(), current.version() + 1, now, write);
        } catch (DataAccessException e) {
            throw duplicateOr(e, write);
        }
        if (!current.resourceJson().equals(write.resourceJson())) {
            groups.replaceValues(tx, current.pk(), source.id(), index(canonical), true);
        }
        groups.removeMembers(tx, current.pk(), removed);
        groups.addMembers(tx, current.pk(), added);
        ObjectNode payload = payload(source, current.id(), write.displayName(), added, removed);
        if (!current.displayName().equals(write.displayName())) {
            payload.put("previousDisplayName", current.displayName());
        }
        events.append(tx, now, List.of(new EventStore.NewEvent("group.updated", null, null, current.id(), source.id(),
                payload.toString())));
        audit.append(tx, now, new AuditStore.Entry(caller.auditName(), action, "group", current.id(),
                current.resourceJson(), withChanges(canonical, added, removed).toString(), null));
        return new StoredGroup(current.pk(), current.id(), source.id(), write.externalId(), write.displayName(),
                write.resourceJson(), current.version() + 1, current.createdAt(), now);
    }

    /** Deletes the group; its member rows and its memberships in other groups go with it (FK cascade). */
    public void delete(DSLContext tx, Source source, Caller caller, StoredGroup current) {
        Instant now = now();
        groups.delete(tx, current.pk());
        events.append(tx, now, List.of(new EventStore.NewEvent("group.deleted", null, null, current.id(), source.id(),
                payload(source, current.id(), current.displayName(), List.of(), List.of()).toString())));
        audit.append(tx, now, new AuditStore.Entry(caller.auditName(), "scim.group.delete", "group", current.id(),
                current.resourceJson(), null, null));
    }

    private static RuntimeException duplicateOr(DataAccessException e, GroupStore.GroupWrite write) {
        if (Duplicates.isDuplicateKey(e)) {
            return ScimException.uniqueness("externalId '" + write.externalId()
                    + "' is already used by another Group of this source");
        }
        return e;
    }

    private static GroupStore.GroupWrite write(ObjectNode canonical) {
        String externalId = canonical.hasNonNull("externalId") ? canonical.get("externalId").asText() : null;
        return new GroupStore.GroupWrite(externalId, canonical.path("displayName").asText(), canonical.toString());
    }

    private List<ValueRow> index(ObjectNode canonical) {
        return ValueIndexer.index(type, canonical).stream()
                .map(v -> new ValueRow(v.attr(), v.idx(), v.val(), v.num()))
                .toList();
    }

    private ObjectNode payload(Source source, String groupId, String displayName, List<StoredMember> added,
                               List<StoredMember> removed) {
        ObjectNode p = json.createObjectNode();
        p.put("groupId", groupId);
        p.put("source", source.name());
        p.put("displayName", displayName);
        members(p.putArray("membersAdded"), added);
        members(p.putArray("membersRemoved"), removed);
        return p;
    }

    private ObjectNode withChanges(ObjectNode canonical, List<StoredMember> added, List<StoredMember> removed) {
        ObjectNode state = canonical.deepCopy();
        if (!added.isEmpty()) {
            members(state.putArray("membersAdded"), added);
        }
        if (!removed.isEmpty()) {
            members(state.putArray("membersRemoved"), removed);
        }
        return state;
    }

    private static void members(ArrayNode array, List<StoredMember> members) {
        for (StoredMember m : members) {
            array.addObject().put("value", m.id()).put("type", m.kind().scimName());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
