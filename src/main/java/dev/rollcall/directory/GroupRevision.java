package dev.rollcall.directory;

import java.util.List;

/**
 * Computes a group's new content and members from its current, locked state, inside the change's
 * transaction (If-Match, immutability, PATCH). It may run again on a retry, so it must only compute.
 */
@FunctionalInterface
public interface GroupRevision {

    /** The new content, the members the group is left with, and whether the body differs from the stored one. */
    record Edit(GroupContent content, List<RequestedMember> members, boolean bodyChanged) {
    }

    Edit revise(Group current, List<Member> members);
}
