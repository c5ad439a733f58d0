package dev.rollcall.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.SortOrder;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.PhoneNumber;
import com.unboundid.scim2.common.types.UserResource;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RollcallServerExtension;
import jakarta.ws.rs.client.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The users lifecycle driven by UnboundID's SCIM 2 SDK client, as a real provisioning client would. */
class UnboundIdClientInteropTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .build();
    static Client client;
    static ScimService scim;

    @BeforeAll
    static void connect() {
        client = UnboundIdClients.jaxRsClient(server.token("workday"));
        scim = UnboundIdClients.scimService(server, client);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    static UserResource newUser(String userName, String employeeNumber) {
        UserResource user = new UserResource().setUserName(userName).setActive(true)
                .setName(new Name().setGivenName("Ada").setFamilyName("Lovelace"))
                .setEmails(new Email().setValue(userName).setType("work").setPrimary(true),
                        new Email().setValue("home-" + userName).setType("home"));
        user.setExternalId("ext-" + employeeNumber);
        user.setExtension(new EnterpriseUserExtension().setEmployeeNumber(employeeNumber).setDepartment("Engineering")
                .setManager(new Manager().setValue("mgr-" + employeeNumber)));
        return user;
    }

    @Test
    void createReturnsTheUserWithIdMetaAndEnterpriseExtension() throws ScimException {
        UserResource created = scim.create("Users", newUser("ada@corp.example", "E100"));

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getMeta().getResourceType()).isEqualTo("User");
        assertThat(created.getMeta().getVersion()).isEqualTo("W/\"1\"");
        assertThat(created.getMeta().getLocation().toString()).isEqualTo(server.scimUrl() + "/Users/" + created.getId());
        assertThat(created.getName().getFamilyName()).isEqualTo("Lovelace");
        EnterpriseUserExtension enterprise = created.getExtension(EnterpriseUserExtension.class);
        assertThat(enterprise.getEmployeeNumber()).isEqualTo("E100");
        assertThat(enterprise.getManager().getValue()).isEqualTo("mgr-E100");
    }

    @Test
    void retrieveByIdReturnsWhatWasCreated() throws ScimException {
        UserResource created = scim.create("Users", newUser("grace@corp.example", "E101"));

        UserResource fetched = scim.retrieve("Users", created.getId(), UserResource.class);

        assertThat(fetched.getUserName()).isEqualTo("grace@corp.example");
        assertThat(fetched.getExternalId()).isEqualTo("ext-E101");
        assertThat(fetched.getEmails()).extracting(Email::getValue)
                .containsExactlyInAnyOrder("grace@corp.example", "home-grace@corp.example");
        assertThat(fetched.getExtension(EnterpriseUserExtension.class).getDepartment()).isEqualTo("Engineering");
        assertThat(fetched.getMeta().getVersion()).isEqualTo(created.getMeta().getVersion());
    }

    @Test
    void searchWithUserNameAndEmailFiltersFindsOnlyTheMatchingUser() throws ScimException {
        UserResource alan = scim.create("Users", newUser("alan@corp.example", "E102"));
        scim.create("Users", newUser("alonzo@corp.example", "E103"));

        ListResponse<UserResource> byUserName = scim.searchRequest("Users")
                .filter(Filter.eq("userName", "ALAN@corp.example").toString()).invoke(UserResource.class);
        ListResponse<UserResource> byEmail = scim.searchRequest("Users")
                .filter(Filter.eq("emails.value", "home-alan@corp.example").toString()).invoke(UserResource.class);
        ListResponse<UserResource> byEmailPost = scim.searchRequest("Users")
                .filter(Filter.and(Filter.sw("emails.value", "alan@"), Filter.eq("emails.type", "work")).toString())
                .invokePost(UserResource.class);

        assertThat(byUserName.getTotalResults()).isEqualTo(1);
        assertThat(byUserName.getResources()).extracting(UserResource::getId).containsExactly(alan.getId());
        assertThat(byEmail.getResources()).extracting(UserResource::getId).containsExactly(alan.getId());
        assertThat(byEmailPost.getResources()).extracting(UserResource::getId).containsExactly(alan.getId());
    }

    @Test
    void searchWithEnterpriseExtensionFilterFindsTheUser() throws ScimException {
        UserResource barbara = scim.create("Users", newUser("barbara@corp.example", "E104"));

        ListResponse<UserResource> found = scim.searchRequest("Users")
                .filter(Filter.eq("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "E104")
                        .toString())
                .invoke(UserResource.class);

        assertThat(found.getResources()).extracting(UserResource::getId).containsExactly(barbara.getId());
    }

    @Test
    void modifyWithReplaceAddAndRemoveByValueFilterPath() throws ScimException {
        UserResource created = scim.create("Users", newUser("edsger@corp.example", "E105"));

        UserResource patched = scim.modifyRequest(created)
                .replaceValue("displayName", "Edsger D.")
                .replaceValue("name.givenName", "Edsger")
                .addValues("phoneNumbers", new PhoneNumber().setValue("+31 20 555 0100").setType("work"))
                .removeValues("emails[type eq \"home\"]")
                .invoke();

        assertThat(patched.getDisplayName()).isEqualTo("Edsger D.");
        assertThat(patched.getName().getGivenName()).isEqualTo("Edsger");
        assertThat(patched.getName().getFamilyName()).isEqualTo("Lovelace");
        assertThat(patched.getPhoneNumbers()).extracting(PhoneNumber::getValue).containsExactly("+31 20 555 0100");
        assertThat(patched.getEmails()).extracting(Email::getType).containsExactly("work");
        assertThat(patched.getMeta().getVersion()).isEqualTo("W/\"2\"");
        UserResource fetched = scim.retrieve("Users", created.getId(), UserResource.class);
        assertThat(fetched.getEmails()).extracting(Email::getValue).containsExactly("edsger@corp.example");
        assertThat(fetched.getDisplayName()).isEqualTo("Edsger D.");
    }

    @Test
    void modifyWithAStaleVersionIsPreconditionFailed() throws ScimException {
        UserResource created = scim.create("Users", newUser("tony@corp.example", "E106"));
        scim.modifyRequest(created).ifMatch().replaceValue("title", "Engineer").invoke();

        assertThatThrownBy(() -> scim.modifyRequest(created).ifMatch().replaceValue("title", "Manager").invoke())
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(scim.retrieve("Users", created.getId(), UserResource.class).getTitle()).isEqualTo("Engineer");
    }

    @Test
    void replaceSendsTheWholeResourceBackIncludingReadOnlyParts() throws ScimException {
        UserResource created = scim.create("Users", newUser("barbara.l@corp.example", "E107"));
        UserResource fetched = scim.retrieve("Users", created.getId(), UserResource.class);
        fetched.setTitle("Professor");
        fetched.setEmails(new Email().setValue("barbara.l@corp.example").setType("work").setPrimary(true));

        UserResource replaced = scim.replaceRequest(fetched).ifMatch().invoke();

        assertThat(replaced.getTitle()).isEqualTo("Professor");
        assertThat(replaced.getEmails()).hasSize(1);
        assertThat(replaced.getId()).isEqualTo(created.getId());
        assertThat(replaced.getMeta().getVersion()).isEqualTo("W/\"2\"");
    }

    @Test
    void creatingADuplicateUserNameIsAConflict() throws ScimException {
        scim.create("Users", newUser("niklaus@corp.example", "E108"));

        assertThatThrownBy(() -> scim.create("Users", newUser("Niklaus@corp.example", "E109")))
                .isInstanceOf(ResourceConflictException.class)
                .satisfies(e -> assertThat(((ScimException) e).getScimError().getScimType()).isEqualTo("uniqueness"));
    }

    @Test
    void deleteThenRetrieveIsResourceNotFound() throws ScimException {
        UserResource created = scim.create("Users", newUser("john@corp.example", "E110"));

        scim.deleteRequest(created).ifMatch(created.getMeta().getVersion()).invoke();

        assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(scim.searchRequest("Users").filter(Filter.eq("userName", "john@corp.example").toString())
                .invoke(UserResource.class).getTotalResults()).isZero();
    }

    @Test
    void searchSortsPagesAndProjectsThroughTheClient() throws ScimException {
        for (String name : new String[]{"page-a@corp.example", "page-b@corp.example", "page-c@corp.example"}) {
            scim.create("Users", newUser(name, "P-" + name.charAt(5)));
        }

        ListResponse<UserResource> page = scim.searchRequest("Users")
                .filter(Filter.sw("userName", "page-").toString())
                .sort("userName", SortOrder.DESCENDING).page(2, 1).attributes("userName")
                .invoke(UserResource.class);

        assertThat(page.getTotalResults()).isEqualTo(3);
        assertThat(page.getStartIndex()).isEqualTo(2);
        assertThat(page.getItemsPerPage()).isEqualTo(1);
        assertThat(page.getResources()).extracting(UserResource::getUserName).containsExactly("page-b@corp.example");
        assertThat(page.getResources().get(0).getName()).isNull();
        assertThat(page.getResources().get(0).getId()).isNotBlank();
    }

    @Test
    void modifyEnterpriseAttributesByUrnQualifiedPaths() throws ScimException {
        UserResource created = scim.create("Users", newUser("katherine@corp.example", "E111"));

        UserResource patched = scim.modifyRequest(created)
                .replaceValue("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "Research")
                .replaceValue("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "mgr-new")
                .invoke();

        EnterpriseUserExtension enterprise = patched.getExtension(EnterpriseUserExtension.class);
        assertThat(enterprise.getDepartment()).isEqualTo("Research");
        assertThat(enterprise.getManager().getValue()).isEqualTo("mgr-new");
        assertThat(enterprise.getEmployeeNumber()).isEqualTo("E111");
    }

    @Test
    void genericResourcesExposeRollcallsLifecycleExtension() throws ScimException {
        UserResource created = scim.create("Users", newUser("dorothy@corp.example", "E112"));

        GenericScimResource generic = scim.retrieve("Users", created.getId(), GenericScimResource.class);

        assertThat(generic.getStringValue("userName")).isEqualTo("dorothy@corp.example");
        assertThat(generic.getStringValue("urn:rollcall:scim:schemas:extension:lifecycle:1.0:User:personId")).isNotBlank();
        assertThat(generic.getStringValue("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"))
                .isEqualTo("E112");
    }
}
