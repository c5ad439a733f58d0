package dev.rollcall.directory;

import dev.rollcall.events.Actor;
import dev.rollcall.events.AuditRecord;
import dev.rollcall.events.EventPayload;
import dev.rollcall.events.EventPayload.MemberRef;
import dev.rollcall.events.NewEvent;
import dev.rollcall.identity.Source;
import dev.rollcall.kernel.Timestamps;
import dev.rollcall.kernel.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The use cases of a source's groups: create, change (replace or patch), delete. Each runs in one
 * transaction with the group row and its index, the member rows that changed, one event and one audit
 * record. A change that changes nothing (a PUT of the same group, re-adding a present member) stores
 * nothing. Audit states are the group body plus the member ids added and removed, not the whole
 * member list: a one-member PATCH of a group of ten thousand must not write half a megabyte of audit.
 */
public final class GroupChanges {
    private final Transactor<? extends DirectoryTx> transactions;
    private final Clock clock;

    public GroupChanges(Transactor<? extends DirectoryTx> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public GroupState create(Actor actor, String action, Source source, GroupContent content,
                             List<RequestedMember> requested) {
        String id = UUID.randomUUID().toString();
        return transactions.inTransaction(tx -> {
            List<Member> members = MemberResolution.resolve(tx.groupRows(), source.id(), null, requested);
            Instant now = Timestamps.now(clock);
            long pk = tx.groupRows().insert(source.id(), id, now, content);
            tx.groupRows().addMembers(pk, members);
            tx.events().append(now, List.of(NewEvent.aboutGroup(new EventPayload.GroupCreated(id, source.name(),
                    content.displayName(), refs(members), List.of()), id, source.id())));
            tx.audit().record(now, new AuditRecord(actor, action, "group", id, null,
                    withChanges(content.document(), members, List.of())));
            return new GroupState(new Group(pk, id, source.id(), content.externalId(), content.displayName(),
                    content.document(), 1, now, now), members);
        });
    }

    /** Replaces or patches a group with what {@code revision} makes of it; writes only the member difference. */
    public GroupState change(Actor actor, String action, Source source, String id, GroupRevision revision) {
        return transactions.inTransaction(tx -> {
            Group current = lock(tx, source, id);
            List<Member> before = tx.groupRows().members(current.pk());
            GroupRevision.Edit edit = revision.revise(current, before);
            MemberChanges changes = MemberChanges.between(before, edit.members());
            List<Member> added = MemberResolution.resolve(tx.groupRows(), source.id(), current, changes.added());
            if (changes.isEmpty() && !edit.bodyChanged()) {
                return new GroupState(current, before);
            }
            Group updated = update(tx, actor, action, source, current, edit.content(), added, changes.removed());
            List<Member> after = new ArrayList<>(before);
            after.removeAll(new HashSet<>(changes.removed()));
            after.addAll(added);
            return new GroupState(updated, after);
        });
    }

    /** Deletes the group; its member rows and its memberships in other groups go with it. */
    public void delete(Actor actor, String action, Source source, String id, Precondition<Group> precondition) {
        transactions.inTransaction(tx -> {
            Group current = lock(tx, source, id);
            precondition.check(current);
            Instant now = Timestamps.now(clock);
            tx.groupRows().delete(current.pk());
            tx.events().append(now, List.of(NewEvent.aboutGroup(new EventPayload.GroupDeleted(current.id(),
                    source.name(), current.displayName(), List.of(), List.of()), current.id(), source.id())));
            tx.audit().record(now, new AuditRecord(actor, action, "group", current.id(),
                    AuditRecord.document(current.document()), null));
            return null;
        });
    }

    private Group update(DirectoryTx tx, Actor actor, String action, Source source, Group current, GroupContent content,
                         List<Member> added, List<Member> removed) {
        Instant now = Timestamps.now(clock);
        long version = current.version() + 1;
        tx.groupRows().replace(current, version, now, content, !current.document().equals(content.document()));
        tx.groupRows().removeMembers(current.pk(), removed);
        tx.groupRows().addMembers(current.pk(), added);
        String previousName = current.displayName().equals(content.displayName()) ? null : current.displayName();
        tx.events().append(now, List.of(NewEvent.aboutGroup(new EventPayload.GroupUpdated(current.id(), source.name(),
                content.displayName(), refs(added), refs(removed), previousName), current.id(), source.id())));
        tx.audit().record(now, new AuditRecord(actor, action, "group", current.id(),
                AuditRecord.document(current.document()), withChanges(content.document(), added, removed)));
        return new Group(current.pk(), current.id(), source.id(), content.externalId(), content.displayName(),
                content.document(), version, current.createdAt(), now);
    }

    private static Group lock(DirectoryTx tx, Source source, String id) {
        return tx.groupRows().lock(source.id(), id)
                .orElseThrow(() -> DirectoryException.notFound("Group " + id + " not found"));
    }

    private static AuditRecord.State withChanges(String document, List<Member> added, List<Member> removed) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (!added.isEmpty()) {
            extra.put("membersAdded", refs(added));
        }
        if (!removed.isEmpty()) {
            extra.put("membersRemoved", refs(removed));
        }
        return new AuditRecord.Document(document, extra);
    }

    static List<MemberRef> refs(List<Member> members) {
        return members.stream().map(m -> new MemberRef(m.id(), m.kind().scimName())).toList();
    }
}
