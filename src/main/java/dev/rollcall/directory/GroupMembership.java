package dev.rollcall.directory;

/** A group an account belongs to, directly or through nested groups. */
public record GroupMembership(String groupId, String displayName, boolean direct) {
}
