package dev.rollcall.scim.users;

import dev.rollcall.directory.Account;
import dev.rollcall.directory.GroupMembership;
import java.util.List;

/** An account with what rendering it needs beyond its row: the groups it is in. */
public record UserView(Account account, List<GroupMembership> groups) {
}
