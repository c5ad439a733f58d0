package dev.rollcall.store;


import dev.rollcall.directory.AccountWithGroups;
import dev.rollcall.directory.DirectoryQueries;
import dev.rollcall.directory.FlatMembership;
import dev.rollcall.directory.Group;
import dev.rollcall.directory.GroupMembership;
import dev.rollcall.directory.Member;
import dev.rollcall.schema.filter.Filter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/** The directory's read side over the pool (no transaction): lookups by key and filtered pages. */
public final class StoreDirectoryQueries implements DirectoryQueries {
    private final Database database;
    private final FilterSql filters;
    private final AccountStore accounts = new AccountStore();
    private final GroupStore groups = new GroupStore();
    private final MembershipQueries memberships;

    public StoreDirectoryQueries(Database database, FilterSql filters) {
        this.database = database;
        this.filters = filters;
        this.memberships = new MembershipQueries();
    }

    @Override
    public Optional<AccountWithGroups> accountWithGroups(long sourceId, String id) {
        DSLContext db = database.dsl();
        return accounts.byIdWithMembership(db, sourceId, id).map(m -> new AccountWithGroups(m.account(),
                m.inAGroup() ? memberships.groupsOfAccount(db, m.account().pk()) : List.of()));
    }

    @Override
    public Page<AccountWithGroups> accountsWithGroups(long sourceId, Filter filter, Slice slice) {
        DSLContext db = database.dslAsText();
        Condition condition = filter == null ? DSL.noCondition() : filters.users(sourceId, filter);
        List<SortField<?>> order = slice.sortBy() == null ? AccountStore.defaultOrder()
                : SortOrders.by(filters.userSortField(slice.sortBy()), slice.descending(), AccountStore.defaultOrder().get(0));
        int total = accounts.count(db, sourceId, condition);
        List<AccountStore.Membered> items = slice.count() == 0 ? List.of()
                : accounts.page(db, sourceId, condition, order, slice.offset(), slice.count());
        List<Long> members = items.stream().filter(AccountStore.Membered::inAGroup).map(m -> m.account().pk()).toList();
        Map<Long, List<GroupMembership>> groups = memberships.groupsOfAccounts(database.dsl(), members);
        return new Page<>(items.stream().map(m -> new AccountWithGroups(m.account(),
                groups.getOrDefault(m.account().pk(), List.of()))).toList(), total);
    }

    @Override
    public List<GroupMembership> groupsOfAccount(long accountPk) {
        return memberships.groupsOfAccount(database.dsl(), accountPk);
    }

    @Override
    public Optional<Group> group(long sourceId, String id) {
        return groups.byId(database.dsl(), sourceId, id, false);
    }

    @Override
    public Page<Group> groups(long sourceId, Filter filter, Slice slice) {
        DSLContext db = database.dslAsText();
        Condition condition = filter == null ? DSL.noCondition() : filters.groups(sourceId, filter);
        List<SortField<?>> order = slice.sortBy() == null ? GroupStore.defaultOrder()
                : SortOrders.by(filters.groupSortField(slice.sortBy()), slice.descending(), GroupStore.defaultOrder().get(0));
        int total = groups.count(db, sourceId, condition);
        List<Group> items = slice.count() == 0 ? List.of()
                : groups.page(db, sourceId, condition, order, slice.offset(), slice.count());
        return new Page<>(items, total);
    }

    @Override
    public List<Member> members(long groupPk) {
        return groups.members(database.dsl(), groupPk);
    }

    @Override
    public Map<Long, List<Member>> membersOf(Collection<Long> groupPks) {
        return groupPks.isEmpty() ? Map.of() : groups.membersOf(database.dsl(), groupPks);
    }

    @Override
    public Optional<FlatMembership> flatMembership(long sourceId, String groupId) {
        return FlatMemberships.of(database.dsl(), groups, sourceId, groupId);
    }
}
