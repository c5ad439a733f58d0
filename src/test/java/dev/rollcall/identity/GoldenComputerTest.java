package dev.rollcall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldenComputerTest {
    private static final Source HR = new Source(1, "workday", SourceKind.HRIS, true);
    private static final Source IDP = new Source(2, "okta", SourceKind.IDP, false);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final GoldenComputer computer = new GoldenComputer();

    private static LinkedAccount account(long pk, Source source, Instant at, Map<String, String> facts) {
        return new LinkedAccount(pk, "a" + pk, "user" + pk, null, source, true, at, at, new AccountFacts(null, true, facts));
    }

    @Test
    void withoutAPrimaryFlagTheConfiguredRuleChoosesThePrimaryManagerAndKeepsTheOther() {
        List<LinkedAccount> accounts = List.of(account(1, HR, T0, Map.of("manager", "M-old")),
                account(2, HR, T0.plusSeconds(60), Map.of("manager", "M-new")));
        GoldenRecord newest = computer.compute(new GoldenRecord(Map.of()), accounts, AuthorityMatrix.defaults(),
                PrimaryManagerRule.NEWEST, T0).golden();
        GoldenRecord oldest = computer.compute(new GoldenRecord(Map.of()), accounts, AuthorityMatrix.defaults(),
                PrimaryManagerRule.OLDEST, T0).golden();
        assertThat(newest.value("manager")).isEqualTo("M-new");
        assertThat(newest.value("manager.secondary")).isEqualTo("M-old");
        assertThat(oldest.value("manager")).isEqualTo("M-old");
        assertThat(oldest.value("manager.secondary")).isEqualTo("M-new");
    }

    @Test
    void aSourceKindTheMatrixDoesNotListNeverSetsTheAttribute() {
        AuthorityMatrix hrOnly = AuthorityMatrix.defaults().withOverrides(Map.of("costCenter", List.of(SourceKind.HRIS)));
        GoldenComputer.Result r = computer.compute(new GoldenRecord(Map.of()),
                List.of(account(1, IDP, T0, Map.of("costCenter", "CC-9", "displayName", "Jo"))), hrOnly,
                PrimaryManagerRule.NEWEST, T0);
        assertThat(r.golden().value("costCenter")).isNull();
        assertThat(r.golden().value("displayName")).isEqualTo("Jo");
    }

    @Test
    void anUnchangedValueKeepsItsOriginalProvenanceTime() {
        LinkedAccount a = account(1, HR, T0, Map.of("department", "Finance"));
        GoldenRecord first = computer.compute(new GoldenRecord(Map.of()), List.of(a), AuthorityMatrix.defaults(),
                PrimaryManagerRule.NEWEST, T0).golden();
        GoldenComputer.Result again = computer.compute(first, List.of(a), AuthorityMatrix.defaults(),
                PrimaryManagerRule.NEWEST, T0.plusSeconds(3600));
        assertThat(again.changes()).isEmpty();
        assertThat(again.golden().values().get("department").provenance().at()).isEqualTo(T0);
    }
}
