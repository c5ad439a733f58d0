package dev.rollcall.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RollcallServerExtension;
import jakarta.ws.rs.client.Client;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Discovery endpoints read through UnboundID's SCIM 2 SDK client. */
class UnboundIdDiscoveryInteropTest {
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LIFECYCLE = "urn:rollcall:scim:schemas:extension:lifecycle:1.0:User";
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("okta", SourceKind.IDP)
            .build();
    static Client client;
    static ScimService scim;

    @BeforeAll
    static void connect() {
        client = UnboundIdClients.jaxRsClient(server.token("okta"));
        scim = UnboundIdClients.scimService(server, client);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void serviceProviderConfigAdvertisesPatchFilterSortEtagAndBulk() throws ScimException {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();

        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getFilter().getMaxResults()).isPositive();
        assertThat(config.getSort().isSupported()).isTrue();
        assertThat(config.getEtag().isSupported()).isTrue();
        assertThat(config.getBulk().getMaxOperations()).isPositive();
        assertThat(config.getBulk().getMaxPayloadSize()).isPositive();
        assertThat(config.getAuthenticationSchemes()).isNotEmpty();
    }

    @Test
    void resourceTypesListUserWithItsExtensions() throws ScimException {
        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();

        assertThat(types.getResources()).extracting(ResourceTypeResource::getName).contains("User", "Group");
        ResourceTypeResource user = scim.getResourceType("User");
        assertThat(user.getEndpoint().toString()).isEqualTo("/Users");
        assertThat(user.getSchema().toString()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(user.getSchemaExtensions()).extracting(e -> e.getSchema().toString()).contains(ENTERPRISE, LIFECYCLE);
    }

    @Test
    void schemasIncludeUserGroupEnterpriseAndLifecycle() throws ScimException {
        ListResponse<SchemaResource> schemas = scim.getSchemas();

        assertThat(schemas.getResources()).extracting(SchemaResource::getId).contains(
                "urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:core:2.0:Group",
                ENTERPRISE, LIFECYCLE);
        SchemaResource lifecycle = scim.getSchema(LIFECYCLE);
        assertThat(lifecycle.getAttributes()).extracting(a -> a.getName()).contains(
                "workerId", "hireDate", "terminationDate", "terminationReason", "employmentStatus", "crmAccountId");
    }
}
