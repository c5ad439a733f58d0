package dev.rollcall.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.testing.RollcallServerExtension.Token;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension itself: declared credentials work and are injected, undeclared names fail, the clock is the server's. */
class RollcallServerExtensionTest {
    @RegisterExtension
    static final RollcallServerExtension server = RollcallServerExtension.builder()
            .source("workday", SourceKind.HRIS)
            .adminToken("it-reader", AdminScope.READ)
            .source("okta", SourceKind.IDP)
            .env("ROLLCALL_FILTER_MAX_RESULTS", "7")
            .build();
    @Token("workday") static String hr;
    @Token("it-reader") static String reader;
    @Token("okta") String idpForThisTest;
    static String seenInBeforeAll;

    @BeforeAll
    static void before() {
        seenInBeforeAll = hr;
    }

    @Test
    void declaredCredentialsAuthenticateAndAreInjectedBeforeBeforeAllMethodsRun() {
        assertThat(seenInBeforeAll).isNotNull().isEqualTo(hr).isEqualTo(server.token("workday"));
        assertThat(reader).isEqualTo(server.adminToken("it-reader"));
        assertThat(idpForThisTest).isEqualTo(server.token("okta"));
        assertThat(server.get("/scim/v2/Users", hr).status()).isEqualTo(200);
        assertThat(server.get("/scim/v2/Users", idpForThisTest).status()).isEqualTo(200);
        assertThat(server.get("/api/v1/sources", reader).status()).isEqualTo(200);
    }

    @Test
    void sourcesAreRegisteredInDeclarationOrder() {
        List<String> names = new ArrayList<>();
        server.get("/api/v1/sources", reader).jsonBody().get("items").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsSubsequence("workday", "okta");
    }

    @Test
    void extraSettingsReachTheServer() {
        assertThat(server.get("/scim/v2/ServiceProviderConfig", hr).jsonBody().at("/filter/maxResults").asInt()).isEqualTo(7);
    }

    @Test
    void undeclaredNamesFailLoudlyNamingTheDeclaredOnes() {
        assertThatThrownBy(() -> server.token("salesforce")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'salesforce'").hasMessageContaining("[workday, okta]");
        assertThatThrownBy(() -> server.adminToken("workday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[it-reader]");
    }

    @Test
    void theBuilderRejectsDuplicateNamesAndForeignSettings() {
        assertThatThrownBy(() -> RollcallServerExtension.builder().source("a", SourceKind.HRIS).adminToken("a", AdminScope.READ))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' is declared twice");
        assertThatThrownBy(() -> RollcallServerExtension.builder().env("PATH", "/bin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PATH");
    }

    @Test
    void theServerRunsOnTheMovableClock() {
        MutableClock clock = server.clock();
        assertThat(server.services().clock()).isSameAs(clock);
        Instant before = clock.instant();
        clock.advance(Duration.ofDays(8));
        assertThat(clock.instant()).isBetween(before.plus(Duration.ofDays(8)), before.plus(Duration.ofDays(8)).plusSeconds(5));
        String created = server.post("/scim/v2/Users", hr, "{\"userName\":\"clock@corp.com\"}").jsonBody()
                .at("/meta/created").asText();
        assertThat(Instant.parse(created)).isAfterOrEqualTo(before.plus(Duration.ofDays(8)).minusMillis(1));
    }
}
