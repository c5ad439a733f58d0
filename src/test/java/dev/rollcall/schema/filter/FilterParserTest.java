package dev.rollcall.schema.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rollcall.schema.filter.Filter.And;
import dev.rollcall.schema.filter.Filter.Compare;
import dev.rollcall.schema.filter.Filter.Not;
import dev.rollcall.schema.filter.Filter.Or;
import dev.rollcall.schema.filter.Filter.Present;
import dev.rollcall.schema.filter.Filter.ValuePath;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static AttrPath path(String attr) {
        return new AttrPath(null, attr, null);
    }

    private static Compare eq(String attr, String value) {
        return new Compare(path(attr), CompareOp.EQ, JSON.textNode(value));
    }

    @Test
    void readsASimpleEqualityComparison() {
        assertThat(FilterParser.parse("userName eq \"bjensen\"")).isEqualTo(eq("userName", "bjensen"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"})
    void readsEveryComparisonOperatorInAnyCase(String op) {
        CompareOp expected = CompareOp.valueOf(op.toUpperCase(java.util.Locale.ROOT));
        assertThat(FilterParser.parse("title " + op + " \"x\"")).isEqualTo(new Compare(path("title"), expected, JSON.textNode("x")));
        assertThat(FilterParser.parse("title " + op.toUpperCase(java.util.Locale.ROOT) + " \"x\""))
                .isEqualTo(new Compare(path("title"), expected, JSON.textNode("x")));
    }

    @Test
    void readsPresence() {
        assertThat(FilterParser.parse("title pr")).isEqualTo(new Present(path("title")));
        assertThat(FilterParser.parse("title PR")).isEqualTo(new Present(path("title")));
    }

    @Test
    void readsSubAttributes() {
        assertThat(FilterParser.parse("name.familyName co \"O'Malley\""))
                .isEqualTo(new Compare(new AttrPath(null, "name", "familyName"), CompareOp.CO, JSON.textNode("O'Malley")));
    }

    @Test
    void readsMetaDateComparison() {
        assertThat(FilterParser.parse("meta.lastModified gt \"2011-05-13T04:42:34Z\""))
                .isEqualTo(new Compare(new AttrPath(null, "meta", "lastModified"), CompareOp.GT, JSON.textNode("2011-05-13T04:42:34Z")));
    }

    @Test
    void splitsUrnQualifiedAttributesAtTheLastColon() {
        assertThat(FilterParser.parse(ENTERPRISE + ":manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\""))
                .isEqualTo(new Compare(new AttrPath(ENTERPRISE, "manager", "value"), CompareOp.EQ,
                        JSON.textNode("26118915-6090-4610-87e4-49d8ca9f808d")));
        assertThat(FilterParser.parse(ENTERPRISE + ":employeeNumber eq \"701984\""))
                .isEqualTo(new Compare(new AttrPath(ENTERPRISE, "employeeNumber", null), CompareOp.EQ, JSON.textNode("701984")));
        assertThat(FilterParser.parse("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\""))
                .isEqualTo(new Compare(new AttrPath("urn:ietf:params:scim:schemas:core:2.0:User", "userName", null),
                        CompareOp.SW, JSON.textNode("J")));
    }

    @Test
    void readsLiteralsOfEveryJsonType() {
        assertThat(FilterParser.parse("active eq true")).isEqualTo(new Compare(path("active"), CompareOp.EQ, JSON.booleanNode(true)));
        assertThat(FilterParser.parse("active eq False")).isEqualTo(new Compare(path("active"), CompareOp.EQ, JSON.booleanNode(false)));
        assertThat(FilterParser.parse("title eq null")).isEqualTo(new Compare(path("title"), CompareOp.EQ, JSON.nullNode()));
        assertThat(FilterParser.parse("n gt 42")).isEqualTo(new Compare(path("n"), CompareOp.GT, JSON.numberNode(42)));
        assertThat(FilterParser.parse("n gt -7")).isEqualTo(new Compare(path("n"), CompareOp.GT, JSON.numberNode(-7)));
        assertThat(FilterParser.parse("n lt 12345678901")).isEqualTo(new Compare(path("n"), CompareOp.LT, JSON.numberNode(12345678901L)));
        Compare decimal = (Compare) FilterParser.parse("n le 1.5e3");
        assertThat(decimal.value().decimalValue()).isEqualByComparingTo(new BigDecimal("1500"));
        Compare zero = (Compare) FilterParser.parse("n eq 0");
        assertThat(zero.value().intValue()).isZero();
    }

    @Test
    void decodesJsonStringEscapes() {
        Compare c = (Compare) FilterParser.parse("displayName eq \"a\\\"b\\\\c\\/d\\n\\u00e9\\t\"");
        assertThat(c.value().textValue()).isEqualTo("a\"b\\c/d\n\u00e9\t");
    }

    @Test
    void andBindsTighterThanOr() {
        Filter f = FilterParser.parse("a pr or b pr and c pr");
        assertThat(f).isEqualTo(new Or(new Present(path("a")), new And(new Present(path("b")), new Present(path("c")))));
        Filter g = FilterParser.parse("a pr and b pr or c pr");
        assertThat(g).isEqualTo(new Or(new And(new Present(path("a")), new Present(path("b"))), new Present(path("c"))));
    }

    @Test
    void notBindsTighterThanAnd() {
        Filter f = FilterParser.parse("not (a pr) and b pr");
        assertThat(f).isEqualTo(new And(new Not(new Present(path("a"))), new Present(path("b"))));
    }

    @Test
    void parenthesesOverridePrecedence() {
        Filter f = FilterParser.parse("(a pr or b pr) and c pr");
        assertThat(f).isEqualTo(new And(new Or(new Present(path("a")), new Present(path("b"))), new Present(path("c"))));
    }

    @Test
    void logicalKeywordsAreCaseInsensitive() {
        Filter f = FilterParser.parse("a pr AND NOT (b pr) Or c pr");
        assertThat(f).isEqualTo(new Or(new And(new Present(path("a")), new Not(new Present(path("b")))), new Present(path("c"))));
    }

    @Test
    void chainsAreLeftAssociative() {
        Filter f = FilterParser.parse("a pr and b pr and c pr");
        assertThat(f).isEqualTo(new And(new And(new Present(path("a")), new Present(path("b"))), new Present(path("c"))));
    }

    @Test
    void readsValuePathsWithRelativeInnerPaths() {
        Filter f = FilterParser.parse("emails[type eq \"work\" and value co \"@example.com\"]");
        assertThat(f).isEqualTo(new ValuePath(path("emails"),
                new And(eq("type", "work"), new Compare(path("value"), CompareOp.CO, JSON.textNode("@example.com")))));
    }

    @Test
    void readsValuePathsCombinedWithOtherExpressions() {
        Filter f = FilterParser.parse("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")");
        assertThat(f).isInstanceOf(And.class);
        Filter g = FilterParser.parse("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]");
        assertThat(((And) g).right()).isInstanceOf(ValuePath.class);
        Filter h = FilterParser.parse("emails[not (type eq \"work\")] or ims[type eq \"xmpp\"]");
        assertThat(h).isInstanceOf(Or.class);
    }

    @Test
    void toleratesExtraWhitespace() {
        assertThat(FilterParser.parse("  ( userName   eq \"x\" )  ")).isEqualTo(eq("userName", "x"));
    }

    @Test
    void readsPatchPaths() {
        assertThat(FilterParser.parsePatchPath("name.givenName"))
                .isEqualTo(new PatchPath(new AttrPath(null, "name", "givenName"), null, null));
        assertThat(FilterParser.parsePatchPath("emails[type eq \"work\"].value"))
                .isEqualTo(new PatchPath(path("emails"), eq("type", "work"), "value"));
        assertThat(FilterParser.parsePatchPath("members[value eq \"abc\"]"))
                .isEqualTo(new PatchPath(path("members"), eq("value", "abc"), null));
        assertThat(FilterParser.parsePatchPath(ENTERPRISE + ":manager"))
                .isEqualTo(new PatchPath(new AttrPath(ENTERPRISE, "manager", null), null, null));
        assertThat(FilterParser.parsePatchPath(ENTERPRISE + ":manager.value"))
                .isEqualTo(new PatchPath(new AttrPath(ENTERPRISE, "manager", "value"), null, null));
        assertThat(FilterParser.parsePatchPath("addresses[type eq \"work\" and primary eq true].streetAddress").subAttribute())
                .isEqualTo("streetAddress");
    }

    @Test
    void readsAttributePaths() {
        assertThat(FilterParser.parseAttrPath("name.familyName")).isEqualTo(new AttrPath(null, "name", "familyName"));
        assertThat(FilterParser.parseAttrPath(ENTERPRISE + ":department")).isEqualTo(new AttrPath(ENTERPRISE, "department", null));
        assertThat(FilterParser.parseAttrPath("members.$ref")).isEqualTo(new AttrPath(null, "members", "$ref"));
    }

    @Test
    void rejectsABareSchemaUrnAsAPath() {
        assertThatThrownBy(() -> FilterParser.parsePatchPath(ENTERPRISE))
                .isInstanceOf(FilterException.class).hasMessageContaining("schema URN");
        assertThatThrownBy(() -> FilterParser.parseAttrPath("urn:rollcall:scim:schemas:extension:lifecycle:1.0:User"))
                .isInstanceOf(FilterException.class).hasMessageContaining("schema URN");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "emails[type eq \"work\"", "emails[type eq \"work\"]x", "name.givenName[type eq \"x\"]",
            "emails[type eq \"work\"].", "emails[type eq \"work\"].1x", "a.b.c", "na me", "emails[]", "1abc", ":x", "urn::x"})
    void rejectsMalformedPatchPaths(String path) {
        assertThatThrownBy(() -> FilterParser.parsePatchPath(path)).isInstanceOf(FilterException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "userName", "userName eq", "userName equals \"x\"", "userName eq \"x", "userName eq 'x'",
            "userName eq x", "userName eq \"x\" and", "userName eq \"x\" xor title pr", "(userName pr",
            "userName pr)", "not userName pr", "emails[type eq \"work\"", "emails[type[value pr]]",
            "emails[urn:a:b:type eq \"x\"]", "emails[type.value eq \"x\"]", "a.b.c pr", "userName eq \"\\q\"",
            "userName eq \"\\u12\"", "n gt 01", "n gt 1.", "n gt -", "n gt 1e", "n gt 12abc", "()", "and pr pr",
            "userName eq \"x\" )", "9lives pr", "userName eq \"tab\there\""})
    void rejectsMalformedFilters(String filter) {
        assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOf(FilterException.class);
    }

    @Test
    void errorsSayWhereTheProblemIs() {
        assertThatThrownBy(() -> FilterParser.parse("userName zz \"x\""))
                .isInstanceOf(FilterException.class)
                .hasMessageContaining("expected an operator")
                .hasMessageContaining("'zz'")
                .hasMessageContaining("position 9");
        assertThatThrownBy(() -> FilterParser.parse("userName eq \"x"))
                .hasMessageContaining("unterminated string at position 12");
    }

    @Test
    void rejectsOverlongInput() {
        String filter = "userName eq \"" + "x".repeat(FilterParser.MAX_LENGTH) + "\"";
        assertThatThrownBy(() -> FilterParser.parse(filter)).isInstanceOf(FilterException.class).hasMessageContaining("longer than");
    }

    @Test
    void rejectsDeepNestingWithoutOverflowingTheStack() {
        String deep = "(".repeat(3000) + "a pr" + ")".repeat(3000);
        assertThatThrownBy(() -> FilterParser.parse(deep)).isInstanceOf(FilterException.class).hasMessageContaining("nests deeper");
        String nots = "not (".repeat(1000) + "a pr" + ")".repeat(1000);
        assertThatThrownBy(() -> FilterParser.parse(nots)).isInstanceOf(FilterException.class).hasMessageContaining("nests deeper");
        String ok = "(".repeat(FilterParser.MAX_DEPTH) + "a pr" + ")".repeat(FilterParser.MAX_DEPTH);
        assertThat(FilterParser.parse(ok)).isEqualTo(new Present(path("a")));
    }

    @Test
    void rejectsTooManyExpressions() {
        String many = String.join(" or ", java.util.Collections.nCopies(FilterParser.MAX_EXPRESSIONS + 1, "a pr"));
        assertThatThrownBy(() -> FilterParser.parse(many)).isInstanceOf(FilterException.class).hasMessageContaining("expressions");
    }
}
