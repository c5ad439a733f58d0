package dev.rollcall.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The difference between a group's stored members and the members a request leaves it with: only
 * this is written, so adding one member to a group of thousands writes one row.
 */
public record MemberChanges(List<RequestedMember> added, List<Member> removed) {

    /**
     * @throws DirectoryException invalid member when a member that stays is named with the wrong type
     *                            (a user's id given as a Group)
     */
    public static MemberChanges between(List<Member> current, List<RequestedMember> requested) {
        Map<String, Member> byId = new HashMap<>();
        current.forEach(m -> byId.put(m.id(), m));
        Set<String> kept = new HashSet<>();
        List<RequestedMember> added = new ArrayList<>();
        for (RequestedMember r : requested) {
            Member existing = byId.get(r.value());
            if (existing == null) {
                added.add(r);
                continue;
            }
            if (r.type() != null && !r.type().equals(existing.kind().scimName())) {
                throw DirectoryException.invalidMember("Member '" + r.value() + "' is a " + existing.kind().scimName()
                        + ", not a " + r.type() + ".");
            }
            kept.add(r.value());
        }
        List<Member> removed = current.stream().filter(m -> !kept.contains(m.id())).toList();
        return new MemberChanges(added, removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }
}
