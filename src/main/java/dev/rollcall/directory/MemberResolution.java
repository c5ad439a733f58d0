package dev.rollcall.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the ids of members to add into users and groups of the same source, and refuses what must
 * not be stored: an id the source does not have, a type that does not match, a group that would
 * contain itself or one of its ancestors.
 */
final class MemberResolution {
    /** How many unknown ids an error names; the rest are counted. */
    private static final int NAMED = 10;

    private MemberResolution() {
    }

    /**
     * @param target the group gaining the members, or null while it is being created (it has no
     *               ancestors then, so no cycle is possible)
     * @throws DirectoryException invalid member for unknown ids, a wrong type or a cycle
     */
    static List<Member> resolve(GroupRows groups, long sourceId, Group target, List<RequestedMember> toAdd) {
        if (toAdd.isEmpty()) {
            return List.of();
        }
        Map<String, List<Member>> found = new HashMap<>();
        for (Member m : groups.resolve(sourceId, toAdd.stream().map(RequestedMember::value).toList())) {
            found.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m);
        }
        List<String> unknown = new ArrayList<>();
        List<Member> out = new ArrayList<>();
        for (RequestedMember r : toAdd) {
            Member m = pick(found.getOrDefault(r.value(), List.of()), r);
            if (m == null) {
                unknown.add(r.value());
            } else {
                out.add(m);
            }
        }
        if (!unknown.isEmpty()) {
            throw DirectoryException.invalidMember(describe(unknown));
        }
        if (target != null) {
            for (Member m : out) {
                if (m.kind() == Member.Kind.GROUP && groups.contains(m.pk(), target.pk())) {
                    throw DirectoryException.invalidMember("Group '" + m.id() + "' cannot be a member of group '"
                            + target.id() + "': it is that group or contains it, and nesting would form a cycle.");
                }
            }
        }
        return out;
    }

    private static Member pick(List<Member> candidates, RequestedMember r) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (r.type() == null) {
            return candidates.get(0);
        }
        for (Member m : candidates) {
            if (m.kind().scimName().equals(r.type())) {
                return m;
            }
        }
        throw DirectoryException.invalidMember("Member '" + r.value() + "' is a " + candidates.get(0).kind().scimName()
                + ", not a " + r.type() + ".");
    }

    private static String describe(List<String> unknown) {
        List<String> named = unknown.subList(0, Math.min(NAMED, unknown.size()));
        String more = unknown.size() > NAMED ? " and " + (unknown.size() - NAMED) + " more" : "";
        return "members: no User or Group of this source has the id " + String.join(", ", named.stream()
                .map(id -> "'" + id + "'").toList()) + more + ".";
    }
}
