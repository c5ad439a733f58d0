package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.PERSON;

import dev.rollcall.directory.FlatMembership;
import dev.rollcall.directory.Group;
import dev.rollcall.directory.Member;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/** A group's flattened membership, over the pool (the directory read side) or inside a change (its delivery snapshot). */
final class FlatMemberships {
    private FlatMemberships() {
    }

    /** Walks nested groups breadth first (each group once, so a cycle cannot loop), then names each account's person. */
    static Optional<FlatMembership> of(DSLContext db, GroupStore groups, long sourceId, String groupId) {
        Optional<Group> root = groups.byId(db, sourceId, groupId, false);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Member> users = new LinkedHashMap<>();
        Set<Long> direct = new HashSet<>();
        Set<Long> seenGroups = new HashSet<>(Set.of(root.get().pk()));
        Deque<Long> pending = new ArrayDeque<>(List.of(root.get().pk()));
        for (int depth = 0; !pending.isEmpty() && depth <= MembershipQueries.MAX_DEPTH; depth++) {
            Map<Long, List<Member>> level = groups.membersOf(db, new ArrayList<>(pending));
            pending.clear();
            for (List<Member> members : level.values()) {
                for (Member m : members) {
                    if (m.kind() == Member.Kind.USER) {
                        users.putIfAbsent(m.pk(), m);
                        if (depth == 0) {
                            direct.add(m.pk());
                        }
                    } else if (seenGroups.add(m.pk())) {
                        pending.add(m.pk());
                    }
                }
            }
        }
        Map<Long, String> personOf = new HashMap<>();
        if (!users.isEmpty()) {
            db.select(ACCOUNT.PK, PERSON.ID).from(ACCOUNT).join(PERSON).on(PERSON.PK.eq(ACCOUNT.PERSON_PK))
                    .where(ACCOUNT.PK.in(users.keySet()))
                    .forEach(r -> personOf.put(r.value1(), r.value2()));
        }
        List<FlatMembership.Entry> entries = users.values().stream()
                .map(m -> new FlatMembership.Entry(m.id(), personOf.get(m.pk()), direct.contains(m.pk())))
                .toList();
        return Optional.of(new FlatMembership(root.get().id(), root.get().displayName(), entries));
    }
}
