package dev.labforge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package layout is the architecture; these rules keep it so. */
class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.labforge");

    @Test
    void modulesDoNotDependOnEachOtherInCycles() {
        slices().matching("dev.labforge.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theTopologyModelIsPureJava() {
        classes().that().resideInAPackage("dev.labforge.topology..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.labforge.topology..", "java..")
                .check(CLASSES);
    }

    @Test
    void formatsAndPicturesKnowOnlyTheModel() {
        noClasses().that().resideInAnyPackage("dev.labforge.containerlab..", "dev.labforge.diagram..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "dev.labforge.lab..", "dev.labforge.access..", "dev.labforge.image..", "dev.labforge.api..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void sharedHttpConcernsDependOnNoFeature() {
        noClasses().that().resideInAPackage("dev.labforge.api..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.labforge.lab..", "dev.labforge.access..",
                        "dev.labforge.image..", "dev.labforge.topology..")
                .check(CLASSES);
    }

    @Test
    void identityAndCatalogDoNotKnowAboutLabs() {
        noClasses().that().resideInAnyPackage("dev.labforge.access..", "dev.labforge.image..")
                .should().dependOnClassesThat().resideInAPackage("dev.labforge.lab..")
                .check(CLASSES);
    }

    @Test
    void noModuleReachesIntoAnotherModulesPackagePrivateParts() {
        // Java visibility enforces this at compile time; the rule documents which types are public faces.
        classes().that().resideInAPackage("dev.labforge.lab..").and().haveSimpleNameEndingWith("Repository")
                .should().notBePublic().check(CLASSES);
    }
}
