package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static dev.rollcall.store.generated.Tables.SCIM_GROUP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.schema.filter.FilterParser;
import dev.rollcall.schema.SchemaRegistry;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Group filters (columns and members) and User.groups, against a real MariaDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterSqlGroupsTest {
    private final SchemaRegistry registry = new SchemaRegistry();
    private final FilterSql filterSql = new FilterSql(registry);
    private FilterTestDatabase db;
    private long source;

    @BeforeAll
    void createGroups() {
        db = new FilterTestDatabase();
        FilterFixtures fx = new FilterFixtures(db.dsl(), registry);
        source = fx.source("okta");
        long u1 = fx.user(source, "u1", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'alice'}");
        long u2 = fx.user(source, "u2", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'bob'}");
        fx.user(source, "u3", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'carol'}");
        long g1 = fx.group(source, "g1", "2020-01-01T00:00:00Z", "{'displayName':'Admins','externalId':'G-1'}");
        long g2 = fx.group(source, "g2", "2021-01-01T00:00:00Z", "{'displayName':'Staff'}");
        fx.group(source, "g3", "2022-01-01T00:00:00Z", "{'displayName':'Empty Set'}");
        fx.memberUser(g1, u1);
        fx.memberGroup(g1, g2);
        fx.memberUser(g2, u2);
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    private Set<String> groups(String filter) {
        return db.dsl().select(SCIM_GROUP.ID).from(SCIM_GROUP).where(SCIM_GROUP.SOURCE_ID.eq(source))
                .and(filterSql.groups(source, FilterParser.parse(filter))).fetchSet(SCIM_GROUP.ID);
    }

    private Set<String> users(String filter) {
        return db.dsl().select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(source))
                .and(filterSql.users(FilterParser.parse(filter))).fetchSet(ACCOUNT.ID);
    }

    private static Set<String> set(String csv) {
        return csv == null || csv.isBlank() ? Set.of() : Set.of(csv.split(" "));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "displayName eq \"admins\"|g1",
            "DisplayName sw \"EMPTY\"|g3",
            "displayName co \"a\"|g1 g2",
            "externalId eq \"G-1\"|g1",
            "externalId eq \"g-1\"|",
            "id eq \"g2\"|g2",
            "meta.created ge \"2021-01-01T00:00:00Z\"|g2 g3",
            "meta.resourceType eq \"Group\"|g1 g2 g3",
            "members pr|g1 g2",
            "not (members pr)|g3",
            "members eq \"u1\"|g1",
            "members.value eq \"u2\"|g2",
            "members.value eq \"g2\"|g1",
            "members.value ne \"u2\"|g1 g3",
            "members[value eq \"u1\"]|g1",
            "members[value eq \"g2\" and type eq \"Group\"]|g1",
            "members[value eq \"g2\" and type eq \"User\"]|",
            "members[type eq \"user\" and not (value eq \"u1\")]|g2",
            "members.type eq \"Group\"|g1",
            "members.value eq \"u1\" or displayName eq \"Staff\"|g1 g2",
    })
    void returnsTheMatchingGroups(String filter, String expected) {
        assertThat(groups(filter)).isEqualTo(set(expected));
    }

    @Test
    void filtersUsersByTheGroupsTheyAreDirectMembersOf() {
        assertThat(users("groups.value eq \"g1\"")).containsExactly("u1");
        assertThat(users("groups[display eq \"staff\"]")).containsExactly("u2");
        assertThat(users("groups pr")).containsExactlyInAnyOrder("u1", "u2");
        assertThat(users("not (groups pr)")).containsExactly("u3");
    }

    @Test
    void sortsGroupsByDisplayNameCaseInsensitively() {
        assertThat(db.dsl().select(SCIM_GROUP.ID).from(SCIM_GROUP).where(SCIM_GROUP.SOURCE_ID.eq(source))
                .orderBy(filterSql.groupSortField(FilterParser.parseAttrPath("displayName")).desc())
                .fetch(SCIM_GROUP.ID)).containsExactly("g2", "g3", "g1");
    }
}
