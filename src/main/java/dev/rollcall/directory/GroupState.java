package dev.rollcall.directory;

import java.util.List;

/** A group with its members, in the order they were added. */
public record GroupState(Group group, List<Member> members) {
}
