package dev.rollcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.app.JsonMapperFactory;
import dev.rollcall.events.EventPayload;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The event log's JSON: each payload's fields in declaration order, old/new names, optional fields left out. */
class EventJsonTest {
    private final EventJson json = new EventJson(JsonMapperFactory.create());

    @Test
    void anAttributeChangeIsWrittenAsAttributeOldNewWithNullsKept() {
        String out = json.write(new EventPayload.PersonUpdated("p1", "account.updated",
                List.of(new EventPayload.AttributeChange("title", null, "Engineer"))));
        assertThat(out).isEqualTo("{\"personId\":\"p1\",\"cause\":\"account.updated\","
                + "\"changes\":[{\"attribute\":\"title\",\"old\":null,\"new\":\"Engineer\"}]}");
    }

    @Test
    void optionalFieldsAreLeftOutWhenNullAndTheTypeIsNotAField() {
        Map<String, String> golden = new TreeMap<>(Map.of("userName", "jane", "email", "j@corp.com"));
        assertThat(json.write(new EventPayload.PersonCreated("p1", golden, null, null)))
                .isEqualTo("{\"personId\":\"p1\",\"golden\":{\"email\":\"j@corp.com\",\"userName\":\"jane\"}}");
        assertThat(json.write(new EventPayload.PersonCreated("p1", Map.of(), "match_case", "c1")))
                .isEqualTo("{\"personId\":\"p1\",\"golden\":{},\"cause\":\"match_case\",\"caseId\":\"c1\"}");
    }

    @Test
    void aResolutionNamesItsCaseOnlyWhenThereIsOne() {
        EventPayload.Resolution none = new EventPayload.Resolution("new_person", "none", 0, List.of(), null);
        EventPayload.Resolution withCase = new EventPayload.Resolution("case", "candidate", 55,
                List.of(new EventPayload.Evidence("email.local", 40, "jane.doe")), "c9");
        assertThat(json.tree(none).toString()).isEqualTo(
                "{\"outcome\":\"new_person\",\"strength\":\"none\",\"score\":0,\"evidence\":[]}");
        assertThat(json.tree(withCase).toString()).isEqualTo("{\"outcome\":\"case\",\"strength\":\"candidate\",\"score\":55,"
                + "\"evidence\":[{\"rule\":\"email.local\",\"points\":40,\"detail\":\"jane.doe\"}],\"caseId\":\"c9\"}");
    }

    @Test
    void aGroupUpdateNamesThePreviousDisplayNameOnlyWhenItChanged() {
        EventPayload.MemberRef m = new EventPayload.MemberRef("u1", "User");
        assertThat(json.write(new EventPayload.GroupUpdated("g1", "okta", "Sales", List.of(m), List.of(), null)))
                .isEqualTo("{\"groupId\":\"g1\",\"source\":\"okta\",\"displayName\":\"Sales\","
                        + "\"membersAdded\":[{\"value\":\"u1\",\"type\":\"User\"}],\"membersRemoved\":[]}");
        assertThat(json.write(new EventPayload.GroupUpdated("g1", "okta", "Sales", List.of(), List.of(), "Sale")))
                .endsWith(",\"previousDisplayName\":\"Sale\"}");
    }
}
