package dev.rollcall.directory;

import static dev.rollcall.store.generated.Tables.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.HttpResult;
import dev.rollcall.testing.RollcallServerExtension;
import dev.rollcall.testing.RollcallServerExtension.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group's membership as downstream will see it: nested groups flattened, each account once, with its person. */
class FlatMembershipTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder().source("okta", SourceKind.IDP)
            .build();
    @Token("okta") static String okta;

    @Test
    void nestedGroupsAreFlattenedAndEachAccountAppearsOnceWithItsPerson() {
        String ann = user("ann@corp.com");
        String bob = user("bob@corp.com");
        String inner = group("Inner", "[{\"value\":\"" + bob + "\"},{\"value\":\"" + ann + "\"}]");
        String outer = group("Outer", "[{\"value\":\"" + ann + "\"},{\"value\":\"" + inner + "\"}]");
        // a cycle cannot be made over SCIM; the walk visits each group once regardless
        long sourceId = server.services().database().dsl().select(SOURCE.ID).from(SOURCE).where(SOURCE.NAME.eq("okta"))
                .fetchSingle().value1();

        FlatMembership flat = server.services().directory().flatMembership(sourceId, outer).orElseThrow();

        assertThat(flat.groupId()).isEqualTo(outer);
        assertThat(flat.displayName()).isEqualTo("Outer");
        assertThat(flat.members()).extracting(FlatMembership.Entry::accountId, FlatMembership.Entry::direct)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ann, true),
                        org.assertj.core.groups.Tuple.tuple(bob, false));
        assertThat(flat.members()).allSatisfy(e -> assertThat(e.personId()).isNotBlank());
        assertThat(server.services().directory().flatMembership(sourceId, "no-such-group")).isEmpty();
    }

    private static String user(String userName) {
        HttpResult r = server.post("/scim/v2/Users", okta, "{\"userName\":\"" + userName + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }

    private static String group(String name, String members) {
        HttpResult r = server.post("/scim/v2/Groups", okta, "{\"displayName\":\"" + name + "\",\"members\":" + members + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.jsonBody().get("id").asText();
    }
}
