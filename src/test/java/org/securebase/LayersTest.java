package org.securebase;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.securebase.application.OutboxClaims;
import org.securebase.application.content.ContentLibrary;
import org.securebase.application.content.ContentSnapshot;
import org.securebase.application.portfolio.PortfolioWriter;
import org.securebase.application.privacy.IdentifierFinder;

/**
 * The floors of ARCHITECTURE.md, checked on the compiled classes: arrows point down only, and infrastructure
 * touches the application only through the ports it implements.
 */
class LayersTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.securebase");
    }

    @Test
    void theDomainKnowsNoOtherLayerAndNoWeb() {
        noClasses().that().resideInAPackage("org.securebase.domain..").should().dependOnClassesThat()
                .resideInAnyPackage("org.securebase.application..", "org.securebase.infrastructure..",
                        "org.securebase.web..", "org.securebase.api..", "jakarta.faces..", "jakarta.ws.rs..",
                        "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theApplicationKnowsNoPageNoResourceAndNoServlet() {
        noClasses().that().resideInAPackage("org.securebase.application..").should().dependOnClassesThat()
                .resideInAnyPackage("org.securebase.web..", "org.securebase.api..", "jakarta.faces..",
                        "jakarta.ws.rs..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void infrastructureImplementsTheApplicationsPortsAndCallsNoService() {
        noClasses().that().resideInAPackage("org.securebase.infrastructure..").should().dependOnClassesThat(
                resideInAPackage("org.securebase.application..")
                        .and(not(belongToAnyOf(ContentLibrary.class, ContentSnapshot.class, IdentifierFinder.class,
                                PortfolioWriter.class, OutboxClaims.class))))
                .check(classes);
        noClasses().that().resideInAPackage("org.securebase.infrastructure..").should().dependOnClassesThat()
                .resideInAnyPackage("org.securebase.web..", "org.securebase.api..", "jakarta.faces..")
                .check(classes);
    }

    @Test
    void pagesAndResourcesDoNotCallEachOther() {
        noClasses().that().resideInAPackage("org.securebase.api..").should().dependOnClassesThat()
                .resideInAPackage("org.securebase.web..").check(classes);
        noClasses().that().resideInAPackage("org.securebase.web..").should().dependOnClassesThat()
                .resideInAPackage("org.securebase.api..").check(classes);
    }
}
