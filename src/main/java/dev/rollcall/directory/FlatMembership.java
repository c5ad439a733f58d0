package dev.rollcall.directory;

import java.util.List;

/**
 * A group's membership as downstream systems see it: nested groups flattened, so every account that
 * is in the group directly or through a nested group, once, with the person it is linked to.
 */
public record FlatMembership(String groupId, String displayName, List<Entry> members) {

    public record Entry(String accountId, String personId, boolean direct) {
    }
}
