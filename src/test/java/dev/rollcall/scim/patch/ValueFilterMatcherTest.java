package dev.rollcall.scim.patch;

import static dev.rollcall.scim.resource.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.schema.filter.Filter;
import dev.rollcall.schema.filter.FilterParser;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.AttributeType;
import dev.rollcall.schema.SchemaRegistry;
import org.junit.jupiter.api.Test;

class ValueFilterMatcherTest {
    private final ValueFilterMatcher matcher = new ValueFilterMatcher();
    private final SchemaRegistry registry = new SchemaRegistry();
    private final AttributeDef emails = registry.user().core().attribute("emails").orElseThrow();
    private final AttributeDef members = registry.group().core().attribute("members").orElseThrow();
    /** A multi-valued complex attribute with every scalar type, to test the comparisons. */
    private final AttributeDef typed = AttributeDef.builder("things", AttributeType.COMPLEX).multiValued().subAttributes(
            AttributeDef.builder("n", AttributeType.INTEGER).build(),
            AttributeDef.builder("d", AttributeType.DECIMAL).build(),
            AttributeDef.builder("at", AttributeType.DATE_TIME).build(),
            AttributeDef.builder("code", AttributeType.STRING).caseExact().build()).build();

    private Filter filter(AttributeDef attr, String inner) {
        Filter f = ((Filter.ValuePath) FilterParser.parse(attr.name() + "[" + inner + "]")).filter();
        matcher.validate(attr, f);
        return f;
    }

    private boolean matches(AttributeDef attr, String inner, String element) {
        return matcher.matches(attr, filter(attr, inner), json(element));
    }

    @Test
    void comparesStringsCaseInsensitivelyUnlessCaseExact() {
        assertThat(matches(emails, "value eq \"ANN@X.COM\"", "{'value':'ann@x.com'}")).isTrue();
        assertThat(matches(members, "value eq \"U1\"", "{'value':'u1'}")).isFalse();
        assertThat(matches(members, "value eq \"u1\"", "{'value':'u1'}")).isTrue();
        assertThat(matches(typed, "code eq \"AB\"", "{'code':'ab'}")).isFalse();
    }

    @Test
    void supportsEveryStringOperator() {
        String e = "{'value':'ann@x.com'}";
        assertThat(matches(emails, "value ne \"b@x.com\"", e)).isTrue();
        assertThat(matches(emails, "value co \"@X\"", e)).isTrue();
        assertThat(matches(emails, "value sw \"ANN\"", e)).isTrue();
        assertThat(matches(emails, "value ew \".com\"", e)).isTrue();
        assertThat(matches(emails, "value gt \"a\"", e)).isTrue();
        assertThat(matches(emails, "value ge \"ann@x.com\"", e)).isTrue();
        assertThat(matches(emails, "value lt \"b\"", e)).isTrue();
        assertThat(matches(emails, "value le \"ann\"", e)).isFalse();
    }

    @Test
    void comparesNumbersNumerically() {
        assertThat(matches(typed, "n gt 9", "{'n':10}")).isTrue();
        assertThat(matches(typed, "n le 9", "{'n':10}")).isFalse();
        assertThat(matches(typed, "d eq 1.5", "{'d':1.50}")).isTrue();
        assertThat(matches(typed, "d lt 2", "{'d':1.5}")).isTrue();
    }

    @Test
    void comparesDateTimesAsInstants() {
        assertThat(matches(typed, "at gt \"2024-01-01T00:00:00Z\"", "{'at':'2024-01-01T02:00:00+01:00'}")).isTrue();
        assertThat(matches(typed, "at eq \"2024-01-01T01:00:00Z\"", "{'at':'2024-01-01T02:00:00+01:00'}")).isTrue();
        assertThat(matches(typed, "at lt \"2023-12-31\"", "{'at':'2024-01-01T00:00:00Z'}")).isFalse();
    }

    @Test
    void comparesBooleansWithEqAndNe() {
        assertThat(matches(emails, "primary eq true", "{'value':'a','primary':true}")).isTrue();
        assertThat(matches(emails, "primary ne true", "{'value':'a','primary':false}")).isTrue();
        assertThat(matches(emails, "primary eq false", "{'value':'a','primary':'False'}")).isTrue();
    }

    @Test
    void combinesWithAndOrNot() {
        String e = "{'value':'a@x','type':'work'}";
        assertThat(matches(emails, "type eq \"work\" and value sw \"a\"", e)).isTrue();
        assertThat(matches(emails, "type eq \"home\" and value sw \"a\"", e)).isFalse();
        assertThat(matches(emails, "type eq \"home\" or value sw \"a\"", e)).isTrue();
        assertThat(matches(emails, "not (type eq \"home\")", e)).isTrue();
    }

    @Test
    void treatsAbsentValuesAsMatchingOnlyNeAndEqNull() {
        String e = "{'value':'a@x'}";
        assertThat(matches(emails, "type eq \"work\"", e)).isFalse();
        assertThat(matches(emails, "type ne \"work\"", e)).isTrue();
        assertThat(matches(emails, "type pr", e)).isFalse();
        assertThat(matches(emails, "type eq null", e)).isTrue();
        assertThat(matches(emails, "value pr", e)).isTrue();
    }

    @Test
    void rejectsUnknownSubAttributes() {
        assertThatThrownBy(() -> filter(emails, "kind eq \"x\"")).isInstanceOf(ScimException.class)
                .extracting(e -> ((ScimException) e).scimType()).isEqualTo("invalidPath");
    }

    @Test
    void rejectsOperatorsThatDoNotFitTheType() {
        for (String bad : new String[] {"primary gt true", "primary co true", "primary eq \"yes\""}) {
            assertThatThrownBy(() -> filter(emails, bad)).as(bad).isInstanceOf(ScimException.class)
                    .extracting(e -> ((ScimException) e).scimType()).isEqualTo("invalidFilter");
        }
        for (String bad : new String[] {"n co 1", "n eq \"ten\"", "at gt \"not a date\"", "value gt null"}) {
            AttributeDef attr = bad.startsWith("value") ? emails : typed;
            assertThatThrownBy(() -> filter(attr, bad)).as(bad).isInstanceOf(ScimException.class)
                    .extracting(e -> ((ScimException) e).scimType()).isEqualTo("invalidFilter");
        }
    }

    @Test
    void describesTheElementOfAnEqualityFilter() {
        JsonNode template = matcher.template(emails, filter(emails, "type eq \"work\" and primary eq true")).orElseThrow();
        assertThat(template).isEqualTo(json("{'type':'work','primary':true}"));
        assertThat(matcher.template(emails, filter(emails, "type ne \"work\""))).isEmpty();
        assertThat(matcher.template(emails, filter(emails, "type eq \"a\" or type eq \"b\""))).isEmpty();
    }
}
