package dev.rollcall.scim.groups;

import dev.rollcall.scim.ScimException;
import dev.rollcall.store.GroupStore;
import dev.rollcall.store.MembershipQueries;
import dev.rollcall.store.StoredGroup;
import dev.rollcall.store.StoredMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Turns the ids of members to add into stored users and groups of the same source, and refuses what
 * must not be stored: an id the source does not have, a type that does not match, a group that would
 * contain itself or one of its ancestors.
 */
public final class MemberResolver {
    /** How many unknown ids an error names; the rest are counted. */
    private static final int NAMED = 10;
    private final GroupStore groups;
    private final MembershipQueries memberships;

    public MemberResolver(GroupStore groups, MembershipQueries memberships) {
        this.groups = groups;
        this.memberships = memberships;
    }

    /**
     * @param target the group gaining the members, or null while it is being created (it has no
     *               ancestors then, so no cycle is possible)
     * @throws ScimException invalidValue for unknown ids, a wrong type or a cycle
     */
    public List<StoredMember> resolve(DSLContext tx, long sourceId, StoredGroup target, List<RequestedMember> toAdd) {
        if (toAdd.isEmpty()) {
            return List.of();
        }
        Map<String, List<StoredMember>> found = new HashMap<>();
        for (StoredMember m : groups.resolve(tx, sourceId, toAdd.stream().map(RequestedMember::value).toList(), true)) {
            found.computeIfAbsent(m.id(), k -> new ArrayList<>()).add(m);
        }
        List<String> unknown = new ArrayList<>();
        List<StoredMember> out = new ArrayList<>();
        for (RequestedMember r : toAdd) {
            StoredMember m = pick(found.getOrDefault(r.value(), List.of()), r);
            if (m == null) {
                unknown.add(r.value());
            } else {
                out.add(m);
            }
        }
        if (!unknown.isEmpty()) {
            throw ScimException.invalidValue(describe(unknown));
        }
        if (target != null) {
            for (StoredMember m : out) {
                if (m.kind() == StoredMember.Kind.GROUP && memberships.contains(tx, m.pk(), target.pk())) {
                    throw ScimException.invalidValue("Group '" + m.id() + "' cannot be a member of group '" + target.id()
                            + "': it is that group or contains it, and nesting would form a cycle.");
                }
            }
        }
        return out;
    }

    private static StoredMember pick(List<StoredMember> candidates, RequestedMember r) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (r.type() == null) {
            return candidates.get(0);
        }
        for (StoredMember m : candidates) {
            if (m.kind().scimName().equals(r.type())) {
                return m;
            }
        }
        throw ScimException.invalidValue("Member '" + r.value() + "' is a " + candidates.get(0).kind().scimName()
                + ", not a " + r.type() + ".");
    }

    private static String describe(List<String> unknown) {
        List<String> named = unknown.subList(0, Math.min(NAMED, unknown.size()));
        String more = unknown.size() > NAMED ? " and " + (unknown.size() - NAMED) + " more" : "";
        return "members: no User or Group of this source has the id " + String.join(", ", named.stream()
                .map(id -> "'" + id + "'").toList()) + more + ".";
    }
}
