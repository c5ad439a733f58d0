package dev.rollcall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.schema.filter.FilterException;
import dev.rollcall.schema.filter.FilterParser;
import dev.rollcall.schema.SchemaRegistry;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Filters the compiler refuses (400 invalidFilter), and how literals reach the SQL. No database needed. */
class FilterSqlErrorsTest {
    private final FilterSql filterSql = new FilterSql(new SchemaRegistry());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "nosuch eq \"x\"|unknown attribute 'nosuch'",
            "name.nosuch pr|unknown attribute 'name.nosuch'",
            "urn:example:nosuch:1.0:User:title eq \"x\"|unknown attribute",
            "emails[nosuch eq \"x\"]|unknown attribute 'emails.nosuch'",
            "active eq \"yes\"|expects a boolean",
            "active gt true|operator gt is not defined for boolean",
            "active co \"t\"|operator co is not defined for boolean",
            "title eq 5|expects a string",
            "title eq true|expects a string",
            "meta.lastModified gt \"yesterday\"|expects a dateTime",
            "meta.lastModified gt 5|expects a dateTime",
            "meta.created co \"2011\"|operator co is not defined for dateTime",
            "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User:hireDate lt \"soon\"|expects a dateTime",
            "meta eq \"x\"|is complex",
            "meta.version eq \"1\"|cannot be compared",
            "password eq \"secret\"|cannot be used in a filter",
            "title gt null|only eq and ne",
            "title[value eq \"x\"]|needs a complex attribute",
            "emails.value[type eq \"x\"]|needs a complex attribute",
            "members eq \"x\"|unknown attribute 'members'",
    })
    void refusesUserFiltersThatDoNotFitTheSchema(String filter, String message) {
        assertThatThrownBy(() -> filterSql.users(1L, FilterParser.parse(filter)))
                .isInstanceOf(FilterException.class).hasMessageContaining(message);
    }

    @Test
    void refusesGroupFiltersThatDoNotFitTheSchema() {
        assertThatThrownBy(() -> filterSql.groups(1L, FilterParser.parse("userName eq \"x\"")))
                .isInstanceOf(FilterException.class).hasMessageContaining("unknown attribute");
        assertThatThrownBy(() -> filterSql.groups(1L, FilterParser.parse("members.display eq \"x\"")))
                .isInstanceOf(FilterException.class).hasMessageContaining("cannot be compared");
    }

    @Test
    void refusesUnsortableAttributes() {
        assertThatThrownBy(() -> filterSql.userSortField(FilterParser.parseAttrPath("nosuch")))
                .isInstanceOf(FilterException.class).hasMessageContaining("unknown attribute");
        assertThatThrownBy(() -> filterSql.userSortField(FilterParser.parseAttrPath("password")))
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> filterSql.userSortField(FilterParser.parseAttrPath("meta")))
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> filterSql.groupSortField(FilterParser.parseAttrPath("members")))
                .isInstanceOf(FilterException.class);
    }

    @Test
    void literalsTravelAsBindValuesNeverAsSqlText() {
        String hostile = "x' OR '1'='1";
        var condition = filterSql.users(1L, FilterParser.parse("title eq \"" + hostile + "\" or userName eq \"" + hostile + "\""));
        String sql = DSL.using(org.jooq.SQLDialect.MARIADB).render(condition);
        assertThat(sql).doesNotContain("OR '1'").doesNotContain("or '1'");
        var params = DSL.using(org.jooq.SQLDialect.MARIADB).extractBindValues(condition);
        assertThat(params).contains("x' or '1'='1");
    }
}
