package dev.rollcall.directory;

import dev.rollcall.schema.filter.AttrPath;
import dev.rollcall.schema.filter.Filter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a source may read of its accounts and groups, outside any change. Filters and sort paths are
 * the SCIM model's; the store compiles them to indexed SQL and throws
 * {@link dev.rollcall.schema.filter.FilterException} for one it cannot evaluate.
 */
public interface DirectoryQueries {

    /** One page of a listing and the number of matches in all. */
    record Page<T>(List<T> items, int total) {
    }

    /** How to order and cut a listing: sortBy may be null (creation order); offset counts from 0. */
    record Slice(AttrPath sortBy, boolean descending, int offset, int count) {
    }

    /** @param filter null for all the source's accounts; each with its groups (a page in no group: no membership query) */
    Page<AccountWithGroups> accountsWithGroups(long sourceId, Filter filter, Slice slice);

    /** The account with its groups, read together (an account in no group costs one read). */
    Optional<AccountWithGroups> accountWithGroups(long sourceId, String id);

    /** The groups an account is in, directly or through nested groups. */
    List<GroupMembership> groupsOfAccount(long accountPk);

    Optional<Group> group(long sourceId, String id);

    /** @param filter null for all the source's groups */
    Page<Group> groups(long sourceId, Filter filter, Slice slice);

    List<Member> members(long groupPk);

    /** Members of several groups (one page of a list), keyed by group pk. */
    Map<Long, List<Member>> membersOf(Collection<Long> groupPks);

    /** A group's membership with nested groups flattened, as downstream systems see it. */
    Optional<FlatMembership> flatMembership(long sourceId, String groupId);
}
