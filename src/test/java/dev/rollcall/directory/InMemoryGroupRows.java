package dev.rollcall.directory;

import dev.rollcall.identity.InMemoryTables.StoredAccount;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link GroupRows} over the fake's group tables (test code; see {@link InMemoryDirectoryStore}). */
final class InMemoryGroupRows implements GroupRows {
    private final InMemoryDirectoryStore store;

    InMemoryGroupRows(InMemoryDirectoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<Group> lock(long sourceId, String id) {
        return store.tables().groups.values().stream().filter(g -> g.sourceId() == sourceId && g.id().equals(id))
                .findFirst();
    }

    @Override
    public long insert(long sourceId, String id, Instant at, GroupContent content) {
        long pk = store.nextGroupPk();
        store.tables().groups.put(pk, new Group(pk, id, sourceId, content.externalId(), content.displayName(),
                content.document(), 1, at, at));
        store.tables().members.put(pk, List.of());
        return pk;
    }

    @Override
    public void replace(Group current, long newVersion, Instant at, GroupContent content, boolean reindex) {
        store.tables().groups.put(current.pk(), new Group(current.pk(), current.id(), current.sourceId(),
                content.externalId(), content.displayName(), content.document(), newVersion, current.createdAt(), at));
    }

    @Override
    public void delete(long pk) {
        store.tables().groups.remove(pk);
        store.tables().members.remove(pk);
        store.dropMemberships(Member.Kind.GROUP, pk);
    }

    @Override
    public List<Member> members(long groupPk) {
        return store.tables().members.getOrDefault(groupPk, List.of());
    }

    /** Users of the source with these ids, then its groups, like the store's two selects. */
    @Override
    public List<Member> resolve(long sourceId, Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        List<Member> out = new ArrayList<>();
        for (StoredAccount a : store.identity().allAccounts()) {
            if (a.sourceId() == sourceId && wanted.contains(a.id())) {
                String display = a.facts() == null ? null : a.facts().attributes().get("displayName");
                out.add(new Member(Member.Kind.USER, a.pk(), a.id(), display != null ? display : a.userName()));
            }
        }
        for (Group g : store.tables().groups.values()) {
            if (g.sourceId() == sourceId && wanted.contains(g.id())) {
                out.add(new Member(Member.Kind.GROUP, g.pk(), g.id(), g.displayName()));
            }
        }
        return out;
    }

    @Override
    public boolean contains(long groupPk, long candidatePk) {
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(groupPk));
        while (!todo.isEmpty()) {
            long g = todo.pop();
            if (g == candidatePk) {
                return true;
            }
            if (seen.add(g)) {
                members(g).stream().filter(m -> m.kind() == Member.Kind.GROUP).forEach(m -> todo.push(m.pk()));
            }
        }
        return false;
    }

    /** A member already in the group is the unique-key violation it is in the database. */
    @Override
    public void addMembers(long groupPk, List<Member> added) {
        List<Member> next = new ArrayList<>(members(groupPk));
        for (Member m : added) {
            if (next.stream().anyMatch(x -> x.kind() == m.kind() && x.pk() == m.pk())) {
                throw new IllegalStateException("fake store: " + m.id() + " is already a member of group " + groupPk);
            }
            next.add(m);
        }
        store.tables().members.put(groupPk, List.copyOf(next));
    }

    @Override
    public void removeMembers(long groupPk, List<Member> removed) {
        store.tables().members.put(groupPk, List.copyOf(members(groupPk).stream()
                .filter(m -> removed.stream().noneMatch(r -> r.kind() == m.kind() && r.pk() == m.pk())).toList()));
    }
}
