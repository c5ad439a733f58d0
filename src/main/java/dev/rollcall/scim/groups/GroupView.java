package dev.rollcall.scim.groups;

import dev.rollcall.directory.Group;
import dev.rollcall.directory.Member;
import java.util.List;

/**
 * A stored group with what rendering it needs beyond its row: its members, in the order they were
 * added. {@code membersLoaded} is false when the caller asked for the group without them (a list
 * with {@code excludedAttributes=members}), so that an empty list is never mistaken for "no members".
 */
public record GroupView(Group group, List<Member> members, boolean membersLoaded) {

    public GroupView(Group group, List<Member> members) {
        this(group, members, true);
    }

    public static GroupView withoutMembers(Group group) {
        return new GroupView(group, List.of(), false);
    }
}
