package dev.rollcall.scim.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkIdsTest {
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode parse(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void findsReferencesAnywhereButOnlyWholeStringValues() throws Exception {
        ObjectNode data = parse("""
                {"members":[{"value":"bulkId:u1"},{"value":"42"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"value":"bulkId:boss"}},
                 "note":"see bulkId:x", "bare":"bulkId:"}""");
        assertThat(BulkIds.references(data)).containsExactlyInAnyOrder("u1", "boss");
    }

    @Test
    void substituteReplacesKnownReferencesAndLeavesTheInputAlone() throws Exception {
        ObjectNode data = parse("{\"members\":[{\"value\":\"bulkId:u1\"},{\"value\":\"bulkId:u2\"}]}");
        JsonNode out = BulkIds.substitute(data, Map.of("u1", "id-1"));
        assertThat(out.at("/members/0/value").asText()).isEqualTo("id-1");
        assertThat(out.at("/members/1/value").asText()).isEqualTo("bulkId:u2");
        assertThat(data.at("/members/0/value").asText()).isEqualTo("bulkId:u1");
    }

    @Test
    void withoutDropsWholeComplexValuesButKeepsExtensionContainers() throws Exception {
        ObjectNode data = parse("""
                {"displayName":"A","members":[{"value":"bulkId:b","type":"Group"},{"value":"7"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                   {"department":"R&D","manager":"bulkId:b"},
                 "other":{"value":"bulkId:b","display":"x"}}""");
        ObjectNode out = BulkIds.without(data, Set.of("b"));
        assertThat(out.get("members")).hasSize(1);
        assertThat(out.at("/members/0/value").asText()).isEqualTo("7");
        assertThat(out.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/department").asText()).isEqualTo("R&D");
        assertThat(out.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").has("manager")).isFalse();
        assertThat(out.has("other")).isFalse();
        assertThat(data.get("members")).hasSize(2);
    }
}
