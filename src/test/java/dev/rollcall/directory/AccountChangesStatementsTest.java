package dev.rollcall.directory;

import static dev.rollcall.store.generated.Tables.DELIVERY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.app.Config;
import dev.rollcall.app.RollcallServer;
import dev.rollcall.app.Services;
import dev.rollcall.events.Actor;
import dev.rollcall.identity.AccountFacts;
import dev.rollcall.identity.AccountResolution;
import dev.rollcall.identity.AdminScope;
import dev.rollcall.identity.CurrentAuthority;
import dev.rollcall.identity.GoldenComputer;
import dev.rollcall.identity.Matcher;
import dev.rollcall.identity.Source;
import dev.rollcall.identity.SourceKind;
import dev.rollcall.lifecycle.HoldGate;
import dev.rollcall.lifecycle.PersonLifecycle;
import dev.rollcall.schema.filter.IndexedValue;
import dev.rollcall.store.StoreTransactor;
import dev.rollcall.store.Transactions;
import dev.rollcall.testing.MutableClock;
import dev.rollcall.testing.StatementCount;
import dev.rollcall.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an HRIS create and a replace cost in SQL statements on real MariaDB, with two subscriptions that
 * want every event (a regression guard for the store's per-transaction reads, counted at the JDBC level
 * on the changes' transactions only). Before December 2026 (MariaDB general log): 30 per create and 28
 * per replace (the person locked three times, its accounts read three times, the worker link read
 * back, SHOW WARNINGS, a chain query per subscription, match keys always rewritten); 18 and 18 after;
 * then 16 per create (the correlation attribute comes with the source, a new person's accounts are the ones
 * this transaction inserted); 18.1 and 20 since the count is taken at the JDBC level, with START TRANSACTION
 * and COMMIT and whatever runs on the connection directly (nothing else was hidden from the jOOQ listener).
 */
class AccountChangesStatementsTest {
    private static final Actor OPERATOR = Actor.of("operator:test");
    private static final int PERSONS = 10;
    private final MutableClock clock = MutableClock.startingNow();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TestDatabases.TestDb db;
    private Config config;

    @BeforeEach
    void database() {
        db = TestDatabases.fresh();
        config = Config.fromEnvironment(db.serverEnv(Map.of("ROLLCALL_WEBHOOK_ALLOWLIST", "127.0.0.1/32")));
    }

    @AfterEach
    void drop() {
        TestDatabases.drop(db);
    }

    /** Registers the HRIS source and two subscriptions to every event (to a port nobody answers) over HTTP. */
    private Source hrisWithTwoSubscriptions() throws Exception {
        Services services = Services.open(config, clock);
        try (RollcallServer server = RollcallServer.start(config, services)) { // closes the services too
            Source hr = services.sourceAdministration().addSource(OPERATOR, "workday", SourceKind.HRIS, null).source();
            String admin = services.sourceAdministration().addAdminToken(OPERATOR, "it-admin", AdminScope.WRITE);
            for (int i = 1; i <= 2; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                + "/api/v1/subscriptions"))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"lms-" + i
                                + "\",\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"*\"]}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
            return hr;
        }
    }

    @Test
    void aCreateAndAReplaceTakeAtMostTheStatementsTheyNeed() throws Exception {
        Source hr = hrisWithTwoSubscriptions();
        try (Services services = Services.open(config, clock)) {
            StatementCount statements = new StatementCount(services.database().dsl());
            var counted = statements.dsl();
            CurrentAuthority authority = new CurrentAuthority();
            AccountChanges changes = new AccountChanges(new StoreTransactor(new Transactions(counted), services.json()),
                    new AccountResolution(new Matcher(config.identity().matchPolicy()),
                            new GoldenComputer(config.lifecycle().managerChangeGrace()), authority),
                    new PersonLifecycle(authority, config.grace(), config.lifecycle()),
                    new HoldGate(authority, config.holds(), config.lifecycle().sourceZone()), clock);

            List<Account> created = new ArrayList<>();
            for (int i = 0; i < PERSONS; i++) {
                created.add(changes.create(OPERATOR, "test.create", hr, content(i, "Engineer")));
            }
            double perCreate = statements.take() / (double) PERSONS;
            for (int i = 0; i < PERSONS; i++) {
                AccountContent next = content(i, "Principal Engineer");
                changes.replace(OPERATOR, "test.replace", hr, created.get(i).id(), current -> next);
            }
            double perReplace = statements.take() / (double) PERSONS;

            System.out.println("statements per create: " + perCreate + ", per replace: " + perReplace);
            // every change wrote its deliveries: two events per create, one or two per replace, two subscriptions
            assertThat(services.database().dsl().fetchCount(DELIVERY)).isGreaterThanOrEqualTo(PERSONS * 2 * 3);
            assertThat(perCreate).as("statements per HRIS create of a new person").isLessThanOrEqualTo(18.1);
            assertThat(perReplace).as("statements per replace of a title").isLessThanOrEqualTo(20);
        }
    }

    /** A new HRIS worker (no match): userName, email, name, worker id, title. */
    private static AccountContent content(int i, String title) {
        String user = "ada" + i + "@corp.example";
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("userName", user);
        attributes.put("emails.work", user);
        attributes.put("email", user);
        attributes.put("name.givenName", "Ada" + i);
        attributes.put("name.familyName", "Lovelace" + i);
        attributes.put("displayName", "Ada Lovelace " + i);
        attributes.put("title", title);
        attributes.put("workerId", "W-" + i);
        attributes.put("active", "true");
        String document = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + user
                + "\",\"title\":\"" + title + "\",\"active\":true}";
        List<IndexedValue> values = List.of(new IndexedValue("username", 0, user, null),
                new IndexedValue("title", 0, title.toLowerCase(java.util.Locale.ROOT), null),
                new IndexedValue("active", 0, "true", null));
        return new AccountContent("ext-" + i, user, document, values, new AccountFacts("W-" + i, true, attributes));
    }
}
