package dev.rollcall.identity;

import static dev.rollcall.identity.Pushes.enterprise;
import static dev.rollcall.identity.Pushes.golden;
import static dev.rollcall.identity.Pushes.personId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollcall.events.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rollcall.app.ConfigException;
import dev.rollcall.app.IdentitySettings;
import dev.rollcall.testing.RollcallTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authority matrix from a file and from the admin service: validated, stored, audited, in force. */
class AuthorityConfigurationTest {
    static final Actor ADMIN = Actor.of(new Caller.AdminCaller("it-ops", AdminScope.WRITE).auditName());

    @Test
    void fileOverridesApplyAtStartAndAnAdminReplacementIsStoredAuditedAndInForce(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("authority.properties");
        Files.writeString(file, "# IdP owns titles here\ntitle = idp, hris\n");
        try (RollcallTestServer server = RollcallTestServer.start(Map.of("ROLLCALL_AUTHORITY_FILE", file.toString()))) {
            Pushes push = new Pushes(server);
            String hr = server.addSource("workday", SourceKind.HRIS);
            String idp = server.addSource("okta", SourceKind.IDP);
            AuthorityMatrix m = push.admin().authority();
            assertThat(m.kindsFor("title")).containsExactly(SourceKind.IDP, SourceKind.HRIS);
            assertThat(m.kindsFor("department")).containsExactly(SourceKind.HRIS, SourceKind.IDP, SourceKind.CRM);

            JsonNode h = push.create(hr, enterprise(push.user("a.hr", "Ada", "Byron", "ada@corp.com").put("title", "Analyst"),
                    "employeeNumber", "W1"));
            push.create(idp, enterprise(push.user("ada@corp.com", "Ada", "Byron", "ada@corp.com").put("title", "Countess"),
                    "employeeNumber", "W1"));
            assertThat(golden(push.person(personId(h)), "title")).isEqualTo("Countess");

            Map<String, List<SourceKind>> rules = new LinkedHashMap<>(m.rules());
            rules.put("department", List.of(SourceKind.IDP, SourceKind.HRIS));
            push.admin().replaceAuthority(ADMIN, rules);
            assertThat(push.admin().authority().kindsFor("department")).containsExactly(SourceKind.IDP, SourceKind.HRIS);
            assertThat(server.services().database().dsl()
                    .resultQuery("select actor from audit where action = 'authority.replace' order by seq")
                    .fetch(0, String.class)).containsExactly("config:ROLLCALL_AUTHORITY_FILE", "admin:it-ops");

            assertThatThrownBy(() -> push.admin().replaceAuthority(ADMIN, Map.of("title", List.of(SourceKind.HRIS))))
                    .isInstanceOf(IdentityException.class).hasMessageContaining("'*'");
        }
    }

    @Test
    void aBadAuthorityFileStopsStartUpWithAClearMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("authority.properties");
        Files.writeString(file, "department = hris, erp\n");
        assertThatThrownBy(() -> IdentitySettings.fromEnvironment(Map.of("ROLLCALL_AUTHORITY_FILE", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ROLLCALL_AUTHORITY_FILE").hasMessageContaining("line 1").hasMessageContaining("erp");
        assertThatThrownBy(() -> IdentitySettings.fromEnvironment(Map.of("ROLLCALL_AUTHORITY_FILE", dir.resolve("missing").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> IdentitySettings.fromEnvironment(Map.of("ROLLCALL_MATCH_DEFINITE", "30")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROLLCALL_MATCH_DEFINITE");
    }
}
