package dev.rollcall.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules hold for the production code (test classes are not imported). */
class ArchitectureTest {
    static final String[] DOMAIN = {"dev.rollcall.identity..", "dev.rollcall.directory..", "dev.rollcall.events..",
            "dev.rollcall.kernel..", "dev.rollcall.lifecycle..", "dev.rollcall.delivery.rules.."};
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rollcall");
    }

    @Test
    void domainPackagesImportNoHttpJsonSqlProtocolStoreOrApp() {
        LayerRules.domainKnowsNoProtocolStoreOrWiring(DOMAIN).check(production);
    }

    @Test
    void protocolPackagesImportNeitherJooqNorTheStore() {
        LayerRules.protocolUsesNoSql("dev.rollcall.scim..", "dev.rollcall.admin..", "dev.rollcall.web..").check(production);
    }

    @Test
    void deliveryImportsNeitherSqlNorTheProtocolLayers() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAPackage("dev.rollcall.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "dev.rollcall.store..",
                        "jakarta.ws.rs..", "dev.rollcall.scim..", "dev.rollcall.admin..", "dev.rollcall.web..",
                        "dev.rollcall.app..")
                .because("delivery reaches the database through ports and is reached by the admin API, not the reverse")
                .check(production);
    }

    @Test
    void metersAreMadeInAppWiringAndNeverGlobal() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideOutsideOfPackage("dev.rollcall.app..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..")
                .because("the meter registry is made in app wiring and handed on; domain and delivery report through ports")
                .check(production);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .should().dependOnClassesThat().haveFullyQualifiedName("io.micrometer.core.instrument.Metrics")
                .because("no static global registry: every meter is registered on the injected one")
                .check(production);
    }

    @Test
    void onlyTheRowClassesThatKeepTxReadsWritePersonsAccountsFactsAndWorkerLinks() {
        CachedRowWriters.onlyTheKeepersWriteCachedRows("dev.rollcall.store.generated", java.util.Set.of("PersonRows",
                "PersonStore", "AccountStore", "StoreAccountRows", "AccountFactRows", "MatchRows", "StoreLifecycleRows"))
                .check(production);
        CachedRowWriters.rawWritesOnlyThrough("dev.rollcall.store.AccountStore", java.util.Set.of("insert", "replace", "delete"),
                "dev.rollcall.store.StoreAccountRows").check(production);
        CachedRowWriters.rawWritesOnlyThrough("dev.rollcall.store.PersonStore", java.util.Set.of("save"),
                "dev.rollcall.store.PersonRows").check(production);
    }

    @Test
    void storeImportsNoProtocolPackage() {
        LayerRules.storeKnowsNoProtocol("dev.rollcall.store..").check(production);
    }

    @Test
    void theResourceModelDependsOnNoLayer() {
        LayerRules.resourceModelIsPure("dev.rollcall.schema..").check(production);
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        LayerRules.topLevelPackagesHaveNoCycles("dev.rollcall").check(production);
    }
}
