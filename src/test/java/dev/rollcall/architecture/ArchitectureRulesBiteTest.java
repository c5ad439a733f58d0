package dev.rollcall.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.rollcall.architecture.fixture.domain.DomainServiceUsingSql;
import dev.rollcall.architecture.fixture.domain.PureDomainRule;
import dev.rollcall.architecture.fixture.protocol.ResourceCallingTheStore;
import org.junit.jupiter.api.Test;

/** Each rule fails on a fixture that breaks it, and passes on one that does not: the rules are not vacuous. */
class ArchitectureRulesBiteTest {
    private static final String FIXTURE = "dev.rollcall.architecture.fixture";
    private final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void aDomainClassImportingJooqBreaksTheDomainRule() {
        EvaluationResult result = LayerRules.domainKnowsNoProtocolStoreOrWiring(FIXTURE + ".domain..").evaluate(fixtures);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains(DomainServiceUsingSql.class.getName())
                && d.contains("org.jooq"));
        assertThat(result.getFailureReport().getDetails()).noneMatch(d -> d.contains(PureDomainRule.class.getName()));
    }

    @Test
    void aProtocolClassCallingTheStoreBreaksTheProtocolRule() {
        EvaluationResult result = LayerRules.protocolUsesNoSql(FIXTURE + ".protocol..").evaluate(
                new ClassFileImporter().importClasses(ResourceCallingTheStore.class, dev.rollcall.store.Database.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("dev.rollcall.store.Database"));
    }

    @Test
    void aWriteOfAccountRowsOutsideTheirKeepersBreaksTheCachedRowsRule() {
        EvaluationResult result = CachedRowWriters.onlyTheKeepersWriteCachedRows("dev.rollcall.store.generated",
                java.util.Set.of("PersonRows")).evaluate(new ClassFileImporter().importClasses(
                dev.rollcall.architecture.fixture.store.RogueAccountWriter.class));
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("RogueAccountWriter.deactivate"))
                .noneMatch(d -> d.contains("readOnly") || d.contains("otherTable"));
    }

    @Test
    void aCycleBetweenTopLevelPackagesBreaksTheCycleRule() {
        // fixture.domain.PureDomainRule -> fixture.protocol.ProtocolConstants -> fixture.domain.PureDomainRule
        EvaluationResult result = LayerRules.topLevelPackagesHaveNoCycles(FIXTURE).evaluate(fixtures);
        assertThat(result.hasViolation()).isTrue();
    }
}
