package dev.rollcall.store;

import static dev.rollcall.store.generated.Tables.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.schema.filter.FilterParser;
import dev.rollcall.schema.SchemaRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which users each filter returns, against a real MariaDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilterSqlUsersTest {
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String LIFE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";

    private final SchemaRegistry registry = new SchemaRegistry();
    private final FilterSql filterSql = new FilterSql(registry);
    private FilterTestDatabase db;
    private long source;

    @BeforeAll
    void createUsers() {
        db = new FilterTestDatabase();
        FilterFixtures fx = new FilterFixtures(db.dsl(), registry);
        source = fx.source("okta");
        long other = fx.source("entra");
        fx.user(source, "u1", "2011-01-01T00:00:00Z", "2011-05-13T04:42:34Z", "{'userName':'BJensen','externalId':'ext-1',"
                + "'active':true,'title':'Tour Guide','name':{'familyName':'Jensen','givenName':'Barbara'},"
                + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true},{'value':'babs@jensen.org','type':'home'}],"
                + "'" + ENT + "':{'employeeNumber':'701984','manager':{'value':'mgr-A'}},"
                + "'" + LIFE + "':{'hireDate':'2020-01-15T09:00:00Z'}}");
        fx.user(source, "u2", "2012-01-01T00:00:00Z", "2012-01-01T00:00:00Z", "{'userName':'jsmith','externalId':'EXT-2',"
                + "'active':false,'title':'Manager','name':{'familyName':'Smith'},"
                + "'emails':[{'value':'jsmith@example.com','type':'home'},{'value':'JS@Work.org','type':'work','primary':true}],"
                + "'" + ENT + "':{'employeeNumber':'701985','manager':{'value':'MGR-A'}},"
                + "'" + LIFE + "':{'hireDate':'2022-06-01T00:00:00+02:00'}}");
        fx.user(source, "u3", "2013-01-01T00:00:00Z", "2013-01-01T00:00:00Z", "{'userName':'Alice_100%',"
                + "'active':true,'userType':'Employee','nickName':'a%b_c!d'}");
        fx.user(other, "u4", "2011-01-01T00:00:00Z", "2011-01-01T00:00:00Z", "{'userName':'bjensen','title':'Tour Guide',"
                + "'emails':[{'value':'bjensen@example.com','type':'work'}]}");
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    private Set<String> ids(String filter) {
        Set<String> bound = db.dsl().select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(source))
                .and(filterSql.users(source, FilterParser.parse(filter))).fetchSet(ACCOUNT.ID);
        Set<String> correlated = db.dsl().select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(source))
                .and(filterSql.users(FilterParser.parse(filter))).fetchSet(ACCOUNT.ID);
        assertThat(correlated).as("same answer with a correlated source id").isEqualTo(bound);
        return bound;
    }

    private static Set<String> set(String csv) {
        return csv == null || csv.isBlank() ? Set.of() : Set.of(csv.split(" "));
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            // userName: column, case-insensitive attribute name, value and operator
            "userName eq \"bjensen\"|u1",
            "USERNAME EQ \"BJENSEN\"|u1",
            "userName ne \"bjensen\"|u2 u3",
            "userName co \"SMI\"|u2",
            "userName sw \"j\"|u2",
            "userName ew \"SEN\"|u1",
            "userName co \"_100%\"|u3",
            "userName co \"e_1\"|u3",
            "userName gt \"b\"|u1 u2",
            "userName le \"bjensen\"|u1 u3",
            "userName pr|u1 u2 u3",
            // id and externalId: caseExact columns
            "id eq \"u2\"|u2",
            "externalId eq \"EXT-2\"|u2",
            "externalId eq \"ext-2\"|",
            "externalId pr|u1 u2",
            "externalId ne \"ext-1\"|u2 u3",
            "not (externalId eq \"ext-1\")|u2 u3",
            "externalId eq null|u3",
            "externalId ne null|u1 u2",
            // indexed strings
            "title eq \"tour guide\"|u1",
            "title co \"GUIDE\"|u1",
            "title ne \"Manager\"|u1 u3",
            "title gt \"N\"|u1",
            "title lt \"N\"|u2",
            "title pr|u1 u2",
            "title eq null|u3",
            "nickName co \"%b_\"|u3",
            "nickName co \"!d\"|u3",
            "nickName co \"b%\"|",
            "name.familyName sw \"JEN\"|u1",
            "name pr|u1 u2",
            "name.givenName pr|u1",
            // booleans
            "active eq true|u1 u3",
            "active eq false|u2",
            "active ne true|u2",
            "active eq \"False\"|u2",
            // multi-valued: any element; complex without sub means .value
            "emails.value eq \"bjensen@example.com\"|u1",
            "emails.value eq \"js@work.org\"|u2",
            "emails co \"example.com\"|u1 u2",
            "emails.type eq \"work\"|u1 u2",
            "emails pr|u1 u2",
            "emails.primary eq true|u1 u2",
            // value paths: all conditions on the same element
            "emails[type eq \"work\" and value co \"@example.com\"]|u1",
            "emails[value co \"@example.com\" and type eq \"work\"]|u1",
            "emails[type eq \"home\" and value co \"example.com\"]|u2",
            "emails[type eq \"work\" or value ew \".org\"]|u1 u2",
            "emails[not (type eq \"work\") and value ew \".org\"]|u1",
            "emails[type ne \"work\"]|u1 u2",
            "emails[primary eq true and value sw \"JS@\"]|u2",
            "emails[type pr and primary pr]|u1 u2",
            "not (emails[type eq \"work\" and value co \"@example.com\"])|u2 u3",
            // enterprise and lifecycle extensions, URN-qualified, caseExact manager.value
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"|u1",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:EMPLOYEENUMBER eq \"701985\"|u2",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"mgr-A\"|u1",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"MGR-A\"|u2",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager pr|u1 u2",
            "employeeNumber sw \"70198\"|u1 u2",
            "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"jsmith\"|u2",
            // dateTimes: columns and indexed
            "meta.lastModified gt \"2011-05-13T04:42:34Z\"|u2 u3",
            "meta.lastModified ge \"2011-05-13T04:42:34Z\"|u1 u2 u3",
            "meta.lastModified eq \"2011-05-13T06:42:34+02:00\"|u1",
            "meta.created lt \"2012-06-01T00:00:00Z\"|u1 u2",
            "meta.created pr|u1 u2 u3",
            "meta.resourceType eq \"User\"|u1 u2 u3",
            "meta.resourceType eq \"Group\"|",
            "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User:hireDate gt \"2021-01-01T00:00:00Z\"|u2",
            "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User:hireDate eq \"2022-05-31T22:00:00Z\"|u2",
            "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User:hireDate le \"2020-01-15T10:00:00+01:00\"|u1",
            // logic: precedence and parentheses
            "title pr and userName eq \"jsmith\" or userType eq \"employee\"|u2 u3",
            "title pr and (userName eq \"jsmith\" or userType eq \"employee\")|u2",
            "userType eq \"employee\" or title pr and active eq false|u2 u3",
            "(userType eq \"employee\" or title pr) and active eq false|u2",
            "not (active eq true) or userName eq \"bjensen\"|u1 u2",
            "not (title pr or userType pr)|",
            "(((userName pr)))|u1 u2 u3",
    })
    void returnsTheMatchingUsersOfTheSource(String filter, String expected) {
        assertThat(ids(filter)).isEqualTo(set(expected));
    }

    @Test
    void sortsByColumnsAndIndexedAttributes() {
        assertThat(sorted("userName")).containsExactly("u3", "u1", "u2");
        assertThat(sorted("meta.created")).containsExactly("u1", "u2", "u3");
        assertThat(sorted("name.familyName")).containsExactly("u1", "u2", "u3");
        assertThat(sorted("title")).containsExactly("u2", "u1", "u3");
        // the primary email decides: u1's is bjensen@..., u2's is js@work.org
        assertThat(sorted("emails")).containsExactly("u1", "u2", "u3");
        assertThat(sorted("emails.value")).containsExactly("u1", "u2", "u3");
        assertThat(sorted(ENT + ":employeeNumber")).containsExactly("u1", "u2", "u3");
    }

    private List<String> sorted(String sortBy) {
        return db.dsl().select(ACCOUNT.ID).from(ACCOUNT).where(ACCOUNT.SOURCE_ID.eq(source))
                .orderBy(filterSql.userSortField(FilterParser.parseAttrPath(sortBy)).asc().nullsLast(), ACCOUNT.ID)
                .fetch(ACCOUNT.ID).stream().collect(Collectors.toList());
    }
}
