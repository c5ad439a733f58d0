package dev.rollcall.scim.groups;

import static dev.rollcall.scim.groups.GroupsPatcherTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollcall.scim.ScimException;
import dev.rollcall.scim.resource.AttributeValueNormalizer;
import dev.rollcall.schema.SchemaRegistry;
import dev.rollcall.directory.RequestedMember;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading members from bodies, and the member difference that is written. */
class GroupsMemberInputTest {
    final MemberInput input = new MemberInput(new AttributeValueNormalizer(), new SchemaRegistry());

    @Test
    void takeRemovesMembersInAnySpellingAndIgnoresRefAndDisplay() {
        ObjectNode body = (ObjectNode) parse("""
                {"displayName":"G","Members":[{"value":"a","$ref":"http://x/Users/a","display":"A"},
                 {"value":"b","type":"group"},{"value":"a"},{}],
                 "urn:ietf:params:scim:schemas:core:2.0:Group:members":[{"value":"c"}]}""");
        List<RequestedMember> members = input.take(body);
        assertThat(members).containsExactly(new RequestedMember("a", null), new RequestedMember("b", "Group"),
                new RequestedMember("c", null));
        assertThat(body.toString()).isEqualTo("{\"displayName\":\"G\"}");
    }

    @Test
    void badMembersAreInvalidValue() {
        for (String bad : new String[] {"[{\"value\":\"a\",\"type\":\"Robot\"}]", "[{\"value\":\" \"}]", "[42]",
                "[{\"value\":{\"x\":1}}]"}) {
            ObjectNode body = (ObjectNode) parse("{\"members\":" + bad + "}");
            assertThatThrownBy(() -> input.take(body)).as(bad)
                    .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
        }
    }

    @Test
    void aSingleMemberObjectIsAccepted() {
        assertThat(input.read(parse("{\"value\":\"a\"}"))).containsExactly(new RequestedMember("a", null));
        assertThat(input.read(parse("null"))).isEmpty();
    }

    @Test
    void aBareIdIsNotAMemberList() {
        assertThatThrownBy(() -> input.read(parse("\"a\"")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void withoutRefsStripsEveryRefAndLeavesTheRequestAlone() {
        JsonNode request = parse("{\"Operations\":[{\"op\":\"remove\",\"path\":\"members\",\"value\":[{\"value\":\"a\",\"$REF\":\"x\"}]}]}");
        JsonNode stripped = input.withoutRefs(request);
        assertThat(stripped.toString()).doesNotContain("REF");
        assertThat(request.toString()).contains("$REF");
    }
}
