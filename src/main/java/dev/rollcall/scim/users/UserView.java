package dev.rollcall.scim.users;

import dev.rollcall.store.GroupMembership;
import dev.rollcall.store.StoredAccount;
import java.util.List;

/** A stored account with what rendering it needs beyond its row: the groups it is in. */
public record UserView(StoredAccount account, List<GroupMembership> groups) {
}
