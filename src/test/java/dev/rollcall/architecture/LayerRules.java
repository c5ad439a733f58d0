package dev.rollcall.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the layout (README, "Layout"), as functions of the packages they govern so
 * that a test can also show each rule failing on a fixture that breaks it.
 */
final class LayerRules {
    /** What domain code never sees: HTTP, JSON wire formats, SQL, and the outer layers. */
    static final String[] OUTSIDE_THE_DOMAIN = {"jakarta.ws.rs..", "com.fasterxml.jackson..", "com.nimbusds..", "org.jooq..",
            "java.sql..", "javax.sql..", "dev.rollcall.scim..", "dev.rollcall.admin..", "dev.rollcall.web..", "dev.rollcall.store..",
            "dev.rollcall.app.."};

    private LayerRules() {
    }

    static ArchRule domainKnowsNoProtocolStoreOrWiring(String... domainPackages) {
        return noClasses().that().resideInAnyPackage(domainPackages)
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_THE_DOMAIN)
                .because("domain code knows no HTTP, JSON wire format or SQL (DESIGN.md, Shape)");
    }

    static ArchRule protocolUsesNoSql(String... protocolPackages) {
        return noClasses().that().resideInAnyPackage(protocolPackages)
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "dev.rollcall.store..")
                .because("protocol code reaches the database only through domain ports");
    }

    static ArchRule storeKnowsNoProtocol(String storePackage) {
        return noClasses().that().resideInAPackage(storePackage)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "dev.rollcall.scim..",
                        "dev.rollcall.admin..", "dev.rollcall.web..", "dev.rollcall.app..")
                .because("the store implements domain ports and throws no protocol exception");
    }

    static ArchRule resourceModelIsPure(String modelPackage) {
        return noClasses().that().resideInAPackage(modelPackage)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jooq..", "java.sql..",
                        "dev.rollcall.scim..", "dev.rollcall.admin..", "dev.rollcall.web..", "dev.rollcall.store..",
                        "dev.rollcall.app..", "dev.rollcall.identity..", "dev.rollcall.directory..")
                .because("the SCIM resource model (schemas, filters) is shared by protocol and store and needs neither");
    }

    static ArchRule topLevelPackagesHaveNoCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }
}
