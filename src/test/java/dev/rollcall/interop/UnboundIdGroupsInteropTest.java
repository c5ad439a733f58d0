package dev.rollcall.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Group;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.UserResource;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RollcallServerExtension;
import jakarta.ws.rs.client.Client;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Group membership driven by UnboundID's SCIM 2 SDK client, read back through the users' computed groups. */
class UnboundIdGroupsInteropTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .build();
    static Client client;
    static ScimService scim;
    static int seq;

    @BeforeAll
    static void connect() {
        client = UnboundIdClients.jaxRsClient(server.token("okta"));
        scim = UnboundIdClients.scimService(server, client);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    static UserResource newUser() throws ScimException {
        return scim.create("Users", new UserResource().setUserName("member" + (++seq) + "@corp.example").setActive(true));
    }

    static GroupResource newGroup(String name, String... memberIds) throws ScimException {
        GroupResource group = new GroupResource().setDisplayName(name);
        if (memberIds.length > 0) {
            group.setMembers(java.util.Arrays.stream(memberIds).map(id -> new Member().setValue(id)).toList());
        }
        return scim.create("Groups", group);
    }

    static List<String> groupIdsOf(UserResource user) throws ScimException {
        List<Group> groups = scim.retrieve("Users", user.getId(), UserResource.class).getGroups();
        return groups == null ? List.of() : groups.stream().map(Group::getValue).toList();
    }

    @Test
    void createAGroupWithAMemberAndReadItFromTheUser() throws ScimException {
        UserResource user = newUser();

        GroupResource group = newGroup("Engineering", user.getId());

        assertThat(group.getId()).isNotBlank();
        assertThat(group.getMeta().getResourceType()).isEqualTo("Group");
        assertThat(group.getMembers()).extracting(Member::getValue).containsExactly(user.getId());
        UserResource fetched = scim.retrieve("Users", user.getId(), UserResource.class);
        assertThat(fetched.getGroups()).extracting(Group::getValue).containsExactly(group.getId());
        assertThat(fetched.getGroups().get(0).getDisplay()).isEqualTo("Engineering");
        assertThat(fetched.getGroups().get(0).getType()).isEqualTo("direct");
    }

    @Test
    void modifyAddsOneMemberAndRemovesAnotherByValueFilter() throws ScimException {
        UserResource stays = newUser();
        UserResource leaves = newUser();
        UserResource joins = newUser();
        GroupResource group = newGroup("Sales", stays.getId(), leaves.getId());

        GroupResource patched = scim.modifyRequest(group).ifMatch()
                .addValues("members", new Member().setValue(joins.getId()))
                .removeValues("members[value eq \"" + leaves.getId() + "\"]")
                .invoke();

        assertThat(patched.getMembers()).extracting(Member::getValue).containsExactlyInAnyOrder(stays.getId(), joins.getId());
        assertThat(groupIdsOf(stays)).containsExactly(group.getId());
        assertThat(groupIdsOf(joins)).containsExactly(group.getId());
        assertThat(groupIdsOf(leaves)).isEmpty();
    }

    @Test
    void searchGroupsByDisplayNameAndByMember() throws ScimException {
        UserResource user = newUser();
        GroupResource group = newGroup("Finance", user.getId());
        newGroup("Finance Ops");

        ListResponse<GroupResource> byName = scim.searchRequest("Groups")
                .filter(Filter.eq("displayName", "finance").toString()).invoke(GroupResource.class);
        ListResponse<GroupResource> byMember = scim.searchRequest("Groups")
                .filter(Filter.eq("members.value", user.getId()).toString()).invoke(GroupResource.class);

        assertThat(byName.getResources()).extracting(GroupResource::getId).containsExactly(group.getId());
        assertThat(byMember.getResources()).extracting(GroupResource::getId).containsExactly(group.getId());
    }

    @Test
    void aNestedGroupMakesItsParentAnIndirectGroupOfTheUser() throws ScimException {
        UserResource user = newUser();
        GroupResource child = newGroup("Platform", user.getId());
        GroupResource parent = newGroup("Technology", child.getId());

        UserResource fetched = scim.retrieve("Users", user.getId(), UserResource.class);

        assertThat(fetched.getGroups()).extracting(Group::getValue, Group::getType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(child.getId(), "direct"),
                        org.assertj.core.groups.Tuple.tuple(parent.getId(), "indirect"));
    }

    @Test
    void deletingTheGroupRemovesItFromTheUser() throws ScimException {
        UserResource user = newUser();
        GroupResource group = newGroup("Temporary", user.getId());

        scim.delete(group);

        assertThatThrownBy(() -> scim.retrieve("Groups", group.getId(), GroupResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(groupIdsOf(user)).isEmpty();
    }

    @Test
    void deletingAUserRemovesItFromItsGroups() throws ScimException {
        UserResource user = newUser();
        UserResource other = newUser();
        GroupResource group = newGroup("Leavers", user.getId(), other.getId());

        scim.delete(user);

        GroupResource fetched = scim.retrieve("Groups", group.getId(), GroupResource.class);
        assertThat(fetched.getMembers()).extracting(Member::getValue).containsExactly(other.getId());
    }
}
