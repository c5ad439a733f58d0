package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.identity.AccessTokens;
import dev.rollcall.identity.Caller;
import dev.rollcall.store.CredentialStore;
import dev.rollcall.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {
    static TestDatabases.TestDb db;
    static Map<String, String> env;

    record Run(int exitCode, String out, String err) {
        String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    @BeforeAll
    static void database() {
        db = TestDatabases.fresh();
        env = Map.of("ROLLCALL_DB_URL", db.url(), "ROLLCALL_DB_USER", db.user(), "ROLLCALL_DB_PASSWORD", db.password());
    }

    @AfterAll
    static void drop() {
        TestDatabases.drop(db);
    }

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Optional<Caller> callerOf(String token) {
        try (Services services = Services.open(Config.fromEnvironment(env))) {
            return new CredentialStore().callerFor(services.database().dsl(), AccessTokens.hash(token));
        }
    }

    @Test
    void sourcesAddPrintsAWorkingSourceTokenAsTheLastLine() {
        Run r = run(env, "sources", "add", "workday", "--kind", "hris");
        assertThat(r.exitCode()).isZero();
        assertThat(r.lastLine()).startsWith("rc_src_");
        assertThat(callerOf(r.lastLine())).hasValueSatisfying(c -> {
            assertThat(c).isInstanceOf(Caller.SourceCaller.class);
            assertThat(((Caller.SourceCaller) c).source().name()).isEqualTo("workday");
            assertThat(((Caller.SourceCaller) c).source().mayCreatePersons()).isTrue();
        });
    }

    @Test
    void identityProvidersLinkOnlyByDefault() {
        Run r = run(env, "sources", "add", "okta", "--kind", "idp");
        assertThat(r.exitCode()).isZero();
        assertThat(callerOf(r.lastLine())).hasValueSatisfying(c ->
                assertThat(((Caller.SourceCaller) c).source().mayCreatePersons()).isFalse());
    }

    @Test
    void adminTokensAddPrintsAnAdminTokenWithItsScope() {
        Run r = run(env, "admin-tokens", "add", "dashboard", "--scope", "admin:read");
        assertThat(r.exitCode()).isZero();
        assertThat(r.lastLine()).startsWith("rc_adm_");
        assertThat(callerOf(r.lastLine())).hasValueSatisfying(c ->
                assertThat(c).isEqualTo(new Caller.AdminCaller("dashboard", dev.rollcall.identity.AdminScope.READ)));
    }

    @Test
    void unknownKindExitsWith2AndSaysWhy() {
        Run r = run(env, "sources", "add", "x", "--kind", "ldap");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown source kind 'ldap'");
    }

    @Test
    void duplicateSourceNameExitsWith2() {
        assertThat(run(env, "sources", "add", "twice", "--kind", "crm").exitCode()).isZero();
        Run again = run(env, "sources", "add", "twice", "--kind", "crm");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void badConfigurationExitsWith2NamingTheVariable() {
        Run r = run(Map.of("ROLLCALL_HTTP_PORT", "eighty"), "serve");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ROLLCALL_HTTP_PORT");
        Run url = run(Map.of("ROLLCALL_DB_URL", "jdbc:mysql://x/y"), "migrate");
        assertThat(url.exitCode()).isEqualTo(2);
        assertThat(url.err()).contains("ROLLCALL_DB_URL");
    }

    @Test
    void unreachableDatabaseExitsWith2() {
        Run r = run(Map.of("ROLLCALL_DB_URL", "jdbc:mariadb://127.0.0.1:1/none?connectTimeout=500"), "migrate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot connect to the database");
    }

    @Test
    void serveWithAnExternalDatabaseAndNoMasterKeyRefusesToStart() {
        Run r = run(env, "serve");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("ROLLCALL_MASTER_KEY is required with an external database");
    }

    @Test
    void portInUseFailsFastWithAClearMessage() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> e = new java.util.HashMap<>(env);
            e.put("ROLLCALL_HTTP_PORT", Integer.toString(taken.getLocalPort()));
            e.put("ROLLCALL_MASTER_KEY", dev.rollcall.testing.RollcallTestServer.TEST_MASTER_KEY);
            Run r = run(e, "serve");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
