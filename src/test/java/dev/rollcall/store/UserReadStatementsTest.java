package dev.rollcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.directory.AccountWithGroups;
import dev.rollcall.directory.DirectoryQueries.Slice;
import dev.rollcall.directory.GroupMembership;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.schema.filter.FilterParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A GET of a User, and a list page, ask for the recursive group membership only when an account is in
 * a group: the account read says so. Counted on real MariaDB as the statements one pooled session
 * executed (the reads of a GET run through JDBC, out of sight of jOOQ's listeners).
 */
class UserReadStatementsTest {
    private static final SchemaRegistry REGISTRY = new SchemaRegistry();
    private static FilterTestDatabase db;
    private static Database single;
    private static long source;
    private static long asked;

    @BeforeAll
    static void users() {
        db = new FilterTestDatabase();
        FilterFixtures fx = new FilterFixtures(db.dsl(), REGISTRY);
        source = fx.source("okta");
        long member = fx.user(source, "member", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'member'}");
        fx.user(source, "loner", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'loner'}");
        long team = fx.group(source, "team", "2020-01-01T00:00:00Z", "{'displayName':'Team'}");
        long division = fx.group(source, "division", "2020-01-01T00:00:00Z", "{'displayName':'Division'}");
        fx.memberUser(team, member);
        fx.memberGroup(division, team);
        single = db.anotherPool(1);
    }

    @AfterAll
    static void close() {
        single.close();
        db.close();
    }

    @Test
    void aUserInNoGroupIsOneReadAndAMemberTwo() throws Exception {
        StoreDirectoryQueries queries = new StoreDirectoryQueries(single, new FilterSql(REGISTRY));
        // statements are prepared on the server on first use: that is not what is counted
        queries.accountWithGroups(source, "loner");
        queries.accountWithGroups(source, "member");

        long before = statements();
        AccountWithGroups loner = queries.accountWithGroups(source, "loner").orElseThrow();
        long lonerStatements = statements() - before;
        before = statements();
        AccountWithGroups member = queries.accountWithGroups(source, "member").orElseThrow();
        long memberStatements = statements() - before;

        assertThat(loner.groups()).isEmpty();
        assertThat(lonerStatements).isEqualTo(1);
        assertThat(member.groups()).containsExactlyInAnyOrder(new GroupMembership("team", "Team", true),
                new GroupMembership("division", "Division", false));
        assertThat(memberStatements).isEqualTo(2);
    }

    @Test
    void aListPageAsksForMembershipOnlyOfItsMembers() throws Exception {
        StoreDirectoryQueries queries = new StoreDirectoryQueries(single, new FilterSql(REGISTRY));
        queries.accountsWithGroups(source, null, new Slice(null, false, 0, 10));

        long before = statements();
        var lonersOnly = queries.accountsWithGroups(source, FilterParser.parse("userName eq \"loner\""), new Slice(null, false, 0, 10));
        long lonerStatements = statements() - before;
        before = statements();
        var both = queries.accountsWithGroups(source, null, new Slice(null, false, 0, 10));
        long bothStatements = statements() - before;

        assertThat(lonersOnly.items()).singleElement().satisfies(a -> assertThat(a.groups()).isEmpty());
        assertThat(lonerStatements).as("count and page").isEqualTo(2);
        assertThat(both.items()).extracting(a -> a.account().id(), a -> a.groups().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("member", 2), org.assertj.core.groups.Tuple.tuple("loner", 0));
        assertThat(bothStatements).as("count, page and the member's groups").isEqualTo(3);
    }

    /**
     * Statements the pool's one session has executed so far (as text or prepared: the session's Questions),
     * not counting the SHOW that asks, which Questions counts too.
     */
    private static long statements() throws Exception {
        asked++;
        return SessionStatus.of(single, "Questions") - asked;
    }
}
