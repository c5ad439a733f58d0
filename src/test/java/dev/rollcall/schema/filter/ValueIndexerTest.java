package dev.rollcall.schema.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.schema.AttributeDef;
import dev.rollcall.schema.AttributeType;
import dev.rollcall.schema.SchemaRegistry;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueIndexerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final SchemaRegistry registry = new SchemaRegistry();

    private ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void indexesEachSubAttributeOfEachElementUnderItsPosition() throws Exception {
        List<IndexedValue> rows = ValueIndexer.index(registry.user(), json(
                "{'emails':[{'value':'Jane@X.com','type':'work','primary':true},{'value':'jd@home.org','type':'home'}]}"));
        assertThat(rows).containsExactlyInAnyOrder(
                new IndexedValue("emails.value", 0, "jane@x.com", null),
                new IndexedValue("emails.type", 0, "work", null),
                new IndexedValue("emails.primary", 0, "true", null),
                new IndexedValue("emails.value", 1, "jd@home.org", null),
                new IndexedValue("emails.type", 1, "home", null));
    }

    @Test
    void skipsColumnBackedComputedAndSecretAttributes() throws Exception {
        List<IndexedValue> rows = ValueIndexer.index(registry.user(), json(
                "{'id':'abc','externalId':'E1','userName':'Jane','password':'s3cret','meta':{'resourceType':'User'},"
                        + "'groups':[{'value':'g1'}],'displayName':'Jane Doe','active':false}"));
        assertThat(rows).containsExactlyInAnyOrder(
                new IndexedValue("displayname", 0, "jane doe", null),
                new IndexedValue("active", 0, "false", null));
        List<IndexedValue> groupRows = ValueIndexer.index(registry.group(), json(
                "{'id':'g','displayName':'Admins','members':[{'value':'u1','type':'User'}]}"));
        assertThat(groupRows).isEmpty();
    }

    @Test
    void indexesExtensionAttributesUnderTheirUrnAndKeepsCaseExactValues() throws Exception {
        String ent = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        String life = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";
        List<IndexedValue> rows = ValueIndexer.index(registry.user(), json(
                "{'" + ent + "':{'employeeNumber':'E-42','manager':{'value':'Mgr-ID'}},"
                        + "'" + life + "':{'workerId':'W-7','hireDate':'2024-03-01T09:00:00+02:00'}}"));
        assertThat(rows).containsExactlyInAnyOrder(
                new IndexedValue(ent.toLowerCase(java.util.Locale.ROOT) + ":employeenumber", 0, "e-42", null),
                new IndexedValue(ent.toLowerCase(java.util.Locale.ROOT) + ":manager.value", 0, "Mgr-ID", null),
                new IndexedValue(life.toLowerCase(java.util.Locale.ROOT) + ":workerid", 0, "W-7", null),
                new IndexedValue(life.toLowerCase(java.util.Locale.ROOT) + ":hiredate", 0, "2024-03-01T07:00:00.000000000Z", null));
    }

    @Test
    void leavesOutValuesOfTheWrongType() throws Exception {
        List<IndexedValue> rows = ValueIndexer.index(registry.user(), json("{'active':'maybe','title':7,'name':{'givenName':'A'}}"));
        assertThat(rows).containsExactly(new IndexedValue("name.givenname", 0, "a", null));
    }

    @Test
    void truncatesLongValuesToTheIndexWidth() throws Exception {
        ObjectNode user = JSON.objectNode().put("title", "T".repeat(600));
        IndexedValue row = ValueIndexer.index(registry.user(), user).get(0);
        assertThat(row.val()).hasSize(ValueNormalizer.MAX_LENGTH).isEqualTo("t".repeat(512));
    }

    @Test
    void dateTimesRenderSoThatStringOrderIsTimeOrder() {
        AttributeDef date = AttributeDef.builder("d", AttributeType.DATE_TIME).build();
        String early = ValueNormalizer.normalize(date, JSON.textNode("2011-05-13T04:42:34.5Z")).val();
        String late = ValueNormalizer.normalize(date, JSON.textNode("2011-05-13T04:42:34.10-01:00")).val();
        assertThat(early).isEqualTo("2011-05-13T04:42:34.500000000Z");
        assertThat(late).isEqualTo("2011-05-13T05:42:34.100000000Z");
        assertThat(early).isLessThan(late);
        assertThat(ValueNormalizer.normalize(date, JSON.textNode("2024-01-15")).val()).isEqualTo("2024-01-15T00:00:00.000000000Z");
        assertThatThrownBy(() -> ValueNormalizer.normalize(date, JSON.textNode("yesterday"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersGoToNumWithTheirPlainText() {
        AttributeDef n = AttributeDef.builder("n", AttributeType.DECIMAL).build();
        ValueNormalizer.Normalized v = ValueNormalizer.normalize(n, JSON.numberNode(new BigDecimal("1.50E2")));
        assertThat(v.val()).isEqualTo("150");
        assertThat(v.num()).isEqualByComparingTo("150");
        assertThatThrownBy(() -> ValueNormalizer.normalize(n, JSON.textNode("5"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void booleansAcceptTheirStringSpellings() {
        AttributeDef b = AttributeDef.builder("b", AttributeType.BOOLEAN).build();
        assertThat(ValueNormalizer.normalize(b, JSON.textNode("True")).val()).isEqualTo("true");
        assertThatThrownBy(() -> ValueNormalizer.normalize(b, JSON.textNode("yes"))).isInstanceOf(IllegalArgumentException.class);
    }
}
