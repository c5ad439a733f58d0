package dev.rollcall.scim.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Membership changes stay linear: a quadratic pass over 100,000 members would take many minutes (bound generous for a loaded CI machine). */
class PatchLargeGroupTest extends PatchFixture {

    private static ArrayNode members(int from, int count) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int i = from; i < from + count; i++) {
            out.addObject().put("value", "u" + i).put("type", "User");
        }
        return out;
    }

    @Test
    void addsAndRemovesMembersOfAHugeGroupQuickly() {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("displayName", "All staff");
        body.set("members", members(0, 100_000));
        ObjectNode out = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ObjectNode stored = normalizer.normalize(registry.group(), body);
            return patchGroup(stored, "[{'op':'add','path':'members','value':" + members(99_000, 2_000) + "},"
                    + "{'op':'remove','path':'members','value':" + members(0, 1_000) + "}]");
        });
        assertThat(out.get("members")).hasSize(100_000);
        assertThat(out.get("members").get(0).get("value").asText()).isEqualTo("u1000");
    }
}
