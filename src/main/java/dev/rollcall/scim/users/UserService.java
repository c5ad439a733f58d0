package dev.rollcall.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.Source;
import dev.rollcall.scim.Page;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.scim.http.ETags;
import dev.rollcall.scim.http.ListParams;
import dev.rollcall.scim.patch.PatchEngine;
import dev.rollcall.scim.resource.ImmutabilityGuard;
import dev.rollcall.scim.resource.ResourceNormalizer;
import dev.rollcall.schema.ResourceTypeDef;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.store.AccountStore;
import dev.rollcall.store.Database;
import dev.rollcall.store.FilterSql;
import dev.rollcall.store.SortOrders;
import dev.rollcall.store.GroupMembership;
import dev.rollcall.store.MembershipQueries;
import dev.rollcall.store.StoredAccount;
import dev.rollcall.store.Transactions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * SCIM Users for one source: validation, uniqueness, and the transactional write of the account,
 * its value index, its person, its event and its audit record (see {@link AccountWriter}).
 */
public final class UserService {
    private final Database database;
    private final Transactions transactions;
    private final ResourceTypeDef type;
    private final ResourceNormalizer normalizer;
    private final ImmutabilityGuard immutability;
    private final PatchEngine patches;
    private final AccountStore accounts;
    private final MembershipQueries memberships;
    private final FilterSql filters;
    private final UserRenderer renderer;
    private final AccountWriter writer;

    public UserService(Database database, Transactions transactions, SchemaRegistry schemas, ResourceNormalizer normalizer,
                       ImmutabilityGuard immutability, PatchEngine patches, AccountStore accounts,
                       MembershipQueries memberships, FilterSql filters, UserRenderer renderer, AccountWriter writer) {
        this.database = database;
        this.transactions = transactions;
        this.type = schemas.user();
        this.normalizer = normalizer;
        this.immutability = immutability;
        this.patches = patches;
        this.accounts = accounts;
        this.memberships = memberships;
        this.filters = filters;
        this.renderer = renderer;
        this.writer = writer;
    }

    public UserView create(Source source, Caller caller, JsonNode body) {
        ObjectNode canonical = normalizer.normalize(type, body);
        return transactions.inTransaction(tx -> {
            StoredAccount created = writer.create(tx, source, caller, UUID.randomUUID().toString(), canonical);
            return new UserView(created, List.of());
        });
    }

    public UserView get(Source source, String id) {
        DSLContext db = database.dsl();
        StoredAccount account = accounts.byId(db, source.id(), id, false).orElseThrow(() -> notFound(id));
        return new UserView(account, memberships.groupsOfAccount(db, account.pk()));
    }

    public UserView replace(Source source, Caller caller, String id, JsonNode body, String ifMatch) {
        ObjectNode canonical = normalizer.normalize(type, body);
        return transactions.inTransaction(tx -> {
            StoredAccount current = lockForWrite(tx, source, id, ifMatch);
            immutability.check(type, renderer.storedBody(current), canonical);
            StoredAccount updated = writer.replace(tx, source, caller, current, canonical, "scim.user.replace");
            return new UserView(updated, memberships.groupsOfAccount(tx, updated.pk()));
        });
    }

    public UserView patch(Source source, Caller caller, String id, JsonNode patchRequest, String ifMatch) {
        return transactions.inTransaction(tx -> {
            StoredAccount current = lockForWrite(tx, source, id, ifMatch);
            ObjectNode before = renderer.storedBody(current);
            ObjectNode patched = patches.apply(type, before, patchRequest);
            ObjectNode canonical = normalizer.normalize(type, patched);
            StoredAccount updated = writer.replace(tx, source, caller, current, canonical, "scim.user.patch");
            return new UserView(updated, memberships.groupsOfAccount(tx, updated.pk()));
        });
    }

    public void delete(Source source, Caller caller, String id, String ifMatch) {
        transactions.inTransaction(tx -> {
            StoredAccount current = lockForWrite(tx, source, id, ifMatch);
            writer.delete(tx, source, caller, current);
            return null;
        });
    }

    public Page<UserView> list(Source source, ListParams params) {
        DSLContext db = database.dsl();
        Condition condition;
        List<SortField<?>> order;
        try {
            condition = params.filter() == null ? DSL.noCondition() : filters.users(source.id(), params.filter());
            order = params.sortBy() == null ? AccountStore.defaultOrder() : sortOrder(params);
        } catch (FilterException e) {
            throw ScimException.invalidFilter(e.getMessage());
        }
        int total = accounts.count(db, source.id(), condition);
        List<StoredAccount> page = params.count() == 0 ? List.of()
                : accounts.page(db, source.id(), condition, order, params.startIndex() - 1, params.count());
        Map<Long, List<GroupMembership>> groups = memberships.groupsOfAccounts(db, page.stream().map(StoredAccount::pk).toList());
        List<UserView> items = page.stream().map(a -> new UserView(a, groups.getOrDefault(a.pk(), List.of()))).toList();
        return new Page<>(items, total, params.startIndex());
    }

    private List<SortField<?>> sortOrder(ListParams params) {
        return SortOrders.by(filters.userSortField(params.sortBy()), params.descending(), AccountStore.defaultOrder().get(0));
    }

    private StoredAccount lockForWrite(DSLContext tx, Source source, String id, String ifMatch) {
        StoredAccount current = accounts.byId(tx, source.id(), id, true).orElseThrow(() -> notFound(id));
        ETags.checkIfMatch(ifMatch, current.version());
        return current;
    }

    private static ScimException notFound(String id) {
        return ScimException.notFound("User " + id + " not found");
    }
}
