package dev.rollcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollcall.testing.TestDatabases;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** `audit verify` exits 0 on an intact trail and 1 naming the seq and what happened to it otherwise. */
class AuditVerifyCliTest {
    final TestDatabases.TestDb db = TestDatabases.fresh();
    final Map<String, String> env = Map.of("ROLLCALL_DB_URL", db.url(), "ROLLCALL_DB_USER", db.user(),
            "ROLLCALL_DB_PASSWORD", db.password());

    @AfterEach
    void drop() {
        TestDatabases.drop(db);
    }

    @Test
    void verifyReportsAnIntactTrailThenTheRowThatWasAltered() {
        assertThat(CliTest.run(env, "sources", "add", "workday", "--kind", "hris").exitCode()).isZero();
        assertThat(CliTest.run(env, "sources", "add", "okta", "--kind", "idp").exitCode()).isZero();
        try (Services services = Services.open(Config.fromEnvironment(env))) {
            services.auditChain().sealPending(Instant.now(), 100);
        }
        CliTest.Run intact = CliTest.run(env, "audit", "verify");
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.out()).contains("sealed rows: 2, not yet sealed: 0", "audit chain intact");

        try (Services services = Services.open(Config.fromEnvironment(env))) {
            services.database().dsl().execute("UPDATE audit SET actor = 'operator:mallory' WHERE seq = 1");
        }
        CliTest.Run broken = CliTest.run(env, "audit", "verify");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("audit chain BROKEN at seq 1: content altered");
    }
}
