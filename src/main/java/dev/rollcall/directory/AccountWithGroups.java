package dev.rollcall.directory;

import java.util.List;

/** An account as a GET returns it: with the groups it is in, directly or through nested groups. */
public record AccountWithGroups(Account account, List<GroupMembership> groups) {
    public AccountWithGroups {
        groups = List.copyOf(groups);
    }
}
