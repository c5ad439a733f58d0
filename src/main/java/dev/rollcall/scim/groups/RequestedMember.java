package dev.rollcall.scim.groups;

/** A member as a client names it: an id of the same source, and optionally "User" or "Group". */
public record RequestedMember(String value, String type) {
}
