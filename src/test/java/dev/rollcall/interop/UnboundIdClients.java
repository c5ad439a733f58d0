package dev.rollcall.interop;

import com.unboundid.scim2.client.ScimService;
import dev.rollcall.testing.JdkHttpClientConnector;
import dev.rollcall.testing.RollcallServerExtension;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import org.glassfish.jersey.client.ClientConfig;

/** UnboundID's SCIM 2 client pointed at a test server, authenticated as one source. */
final class UnboundIdClients {
    private UnboundIdClients() {
    }

    static Client jaxRsClient(String bearerToken) {
        ClientConfig config = new ClientConfig().connectorProvider(JdkHttpClientConnector.provider());
        ClientRequestFilter bearer = request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        return ClientBuilder.newClient(config).register(bearer);
    }

    static ScimService scimService(RollcallServerExtension server, Client client) {
        return new ScimService(client.target(server.scimUrl()));
    }
}
