package dev.rollcall.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollcall.delivery.rules.AttributeMapping;
import dev.rollcall.delivery.rules.PersonFilter;
import dev.rollcall.delivery.rules.SetEventUris;
import dev.rollcall.identity.LifecycleState;
import dev.rollcall.identity.Persona;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON form of mappings and filters (admin API and subscription row alike), and the SET event URIs. */
class RulesJsonTest {
    private final ObjectMapper json = new ObjectMapper();
    private final RulesJson rules = new RulesJson(json);

    @Test
    void mappingsAndFiltersSurviveTheirStoredForm() throws Exception {
        AttributeMapping m = rules.mapping(json.readTree("[{\"to\":\"login\",\"from\":\"userName\",\"lowercase\":true},"
                + "{\"to\":\"role\",\"from\":\"title\",\"lookup\":{\"B\":\"b\",\"A\":\"a\"},\"otherwise\":\"z\"},"
                + "{\"to\":\"tenant\",\"constant\":\"acme\"}]"));
        assertThat(rules.storedMapping(rules.store(m)).apply(Map.of("userName", "X", "title", "A")))
                .containsExactly(Map.entry("login", "x"), Map.entry("role", "a"), Map.entry("tenant", "acme"));
        PersonFilter f = rules.filter(json.readTree("{\"personas\":[\"External\"],\"states\":[\"active\",\"pending\"]}"));
        assertThat(rules.storedFilter(rules.store(f))).isEqualTo(f);
        assertThat(f.personas()).containsExactly(Persona.Kind.EXTERNAL);
        assertThat(f.states()).containsExactlyInAnyOrder(LifecycleState.ACTIVE, LifecycleState.PENDING);
        assertThat(rules.store(AttributeMapping.NONE)).isNull();
        assertThat(rules.store(PersonFilter.NONE)).isNull();
        assertThat(rules.storedFilter(null)).isEqualTo(PersonFilter.NONE);
    }

    @Test
    void badDocumentsNameTheMemberAtFault() throws Exception {
        assertThatThrownBy(() -> rules.mapping(json.readTree("[{\"to\":\"x\",\"from\":1}]"))).hasMessageContaining("'from'");
        assertThatThrownBy(() -> rules.mapping(json.readTree("[{\"to\":\"x\",\"from\":\"a\",\"lowercase\":\"yes\"}]")))
                .hasMessageContaining("'lowercase'");
        assertThatThrownBy(() -> rules.filter(json.readTree("{\"states\":[\"fired\"]}"))).hasMessageContaining("personFilter.states");
        assertThatThrownBy(() -> rules.filter(json.readTree("[]"))).hasMessageContaining("'personFilter' must be an object");
    }

    @Test
    void setEventsUseScimUrisWhereTheyMeanTheSame() {
        assertThat(SetEventUris.of("person.created")).isEqualTo("urn:ietf:params:scim:event:prov:create:notice");
        assertThat(SetEventUris.of("group.updated")).isEqualTo("urn:ietf:params:scim:event:prov:patch:notice");
        assertThat(SetEventUris.of("person.suspended")).isEqualTo("urn:ietf:params:scim:event:prov:deactivate");
        assertThat(SetEventUris.of("person.reactivated")).isEqualTo("urn:ietf:params:scim:event:prov:activate");
        assertThat(SetEventUris.of("person.deprovisioned")).isEqualTo("urn:ietf:params:scim:event:prov:delete");
        assertThat(SetEventUris.of("person.merged")).isEqualTo("urn:rollcall:event:person.merged");
    }
}
