package dev.labforge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

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
    void theImportFormatsDependOnEachOtherWithoutCycles() {
        // cml, gns3 -> yaml; the root (containerlab itself and the shared import machinery) sits under them all
        slices().matching("dev.labforge.containerlab.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void cmlAndGns3DoNotKnowEachOther() {
        // each foreign format maps to the model on its own; what both need lives in the containerlab root package
        noClasses().that().resideInAPackage("dev.labforge.containerlab.cml..")
                .should().dependOnClassesThat().resideInAPackage("dev.labforge.containerlab.gns3..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.labforge.containerlab.gns3..")
                .should().dependOnClassesThat().resideInAPackage("dev.labforge.containerlab.cml..")
                .check(CLASSES);
    }

    @Test
    void theYamlMachineryKnowsNoFormat() {
        // of the containerlab package it reports errors and pointers only; nothing about nodes, links or images
        classes().that().resideInAPackage("dev.labforge.containerlab.yaml..")
                .should().onlyDependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                        "dev.labforge.containerlab.yaml..", "java..", "org.snakeyaml..")
                                .or(com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                        dev.labforge.containerlab.ContainerlabFormatException.class,
                                        dev.labforge.containerlab.PointerMap.class)))
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
    void bookingNeverReachesIntoTheCluster() {
        // it asks the lab module for labs and (later) the cluster module's public lifecycle face for runs
        noClasses().that().resideInAPackage("dev.labforge.booking..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.labforge.cluster..")
                .check(CLASSES);
    }

    @Test
    void noOtherModuleKnowsAboutBooking() {
        noClasses().that().resideOutsideOfPackage("dev.labforge.booking..")
                .should().dependOnClassesThat().resideInAPackage("dev.labforge.booking..")
                .check(CLASSES);
    }

    @Test
    void otherModulesKnowOnlyThePortsTheWebPagesOwn() {
        // the pages may not know booking, so they ask it through an interface they own and booking implements
        // (dependency inversion); nothing else of the web is known outside it
        noClasses().that().resideOutsideOfPackage("dev.labforge.web..")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAPackage("dev.labforge.web..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf(
                                        dev.labforge.web.course.CourseVisibility.class))))
                .check(CLASSES);
    }

    @Test
    void theBookingModulesConcernsDependOnEachOtherWithoutCycles() {
        slices().matching("dev.labforge.booking.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theBookingModulesConcernsAreLayered() {
        // capacity <- timetable <- course <- practice <- session, calendar; adhoc on capacity and timetable; the
        // package itself (the booking reconciler) on top. So capacity depends on no other booking package.
        com.tngtech.archunit.library.Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("reconciler").definedBy("dev.labforge.booking")
                .layer("calendar").definedBy("dev.labforge.booking.calendar..")
                .layer("session").definedBy("dev.labforge.booking.session..")
                .layer("adhoc").definedBy("dev.labforge.booking.adhoc..")
                .layer("practice").definedBy("dev.labforge.booking.practice..")
                .layer("course").definedBy("dev.labforge.booking.course..")
                .layer("timetable").definedBy("dev.labforge.booking.timetable..")
                .layer("capacity").definedBy("dev.labforge.booking.capacity..")
                .whereLayer("reconciler").mayNotBeAccessedByAnyLayer()
                .whereLayer("calendar").mayNotBeAccessedByAnyLayer()
                .whereLayer("session").mayNotBeAccessedByAnyLayer()
                .whereLayer("adhoc").mayNotBeAccessedByAnyLayer()
                .whereLayer("practice").mayOnlyBeAccessedByLayers("session", "calendar")
                .whereLayer("course").mayOnlyBeAccessedByLayers("practice", "session", "calendar", "reconciler")
                .whereLayer("timetable").mayOnlyBeAccessedByLayers("course", "practice", "session", "calendar", "adhoc",
                        "reconciler")
                .check(CLASSES);
    }

    @Test
    void bookingReadsAndWritesNoOtherModulesTables() throws java.io.IOException {
        // SQL is text, invisible to ArchUnit: look for any other module's table after from, join, into or update
        java.util.Set<String> booking = java.util.Set.of("capacity_pools", "capacity_reservations",
                "capacity_ledger_changes", "capacity_ledger_pruning", "courses", "course_members", "bookings", "class_sessions",
                "session_occurrences", "image_boot_times", "calendar_feeds", "ad_hoc_runs");
        java.util.Set<String> others = new java.util.TreeSet<>();
        try (var migrations = java.nio.file.Files.list(java.nio.file.Path.of("db/migration"))) {
            for (java.nio.file.Path migration : migrations.toList()) {
                var created = java.util.regex.Pattern.compile("(?i)create table (\\w+)")
                        .matcher(java.nio.file.Files.readString(migration));
                while (created.find()) {
                    others.add(created.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        others.removeAll(booking);
        assertThat(others).contains("labs", "lab_grants", "users");
        java.util.List<String> reaches = new java.util.ArrayList<>();
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java/dev/labforge/booking"))) {
            for (java.nio.file.Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                var sql = java.util.regex.Pattern.compile("(?i)\\b(from|join|into|update|table)\\s+(\\w+)")
                        .matcher(java.nio.file.Files.readString(source));
                while (sql.find()) {
                    if (others.contains(sql.group(2).toLowerCase(java.util.Locale.ROOT))) {
                        reaches.add(source.getFileName() + ": " + sql.group());
                    }
                }
            }
        }
        assertThat(reaches).isEmpty();
    }

    @Test
    void theAccessModulesConcernsDependOnEachOtherWithoutCycles() {
        // token <- user <- team, oidc; the package itself holds the public faces the rest of the application uses
        slices().matching("dev.labforge.access.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theClusterModulesConcernsDependOnEachOtherWithoutCycles() {
        // plan <- kubevirt, multus <- reconcile -> status -> events; lifecycle -> status; the top package wires them
        // one known exception: the plan names link bridges by multus's naming rule (15-character interface names)
        slices().matching("dev.labforge.cluster.(*)..").should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                "dev.labforge.cluster.plan.."),
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.name(
                                "dev.labforge.cluster.multus.BridgeNames"))
                .check(CLASSES);
    }

    @Test
    void thePlanKnowsNoOtherConcernOfTheClusterModule() {
        // but multus's BridgeNames, by which it allocates link bridges
        noClasses().that().resideInAPackage("dev.labforge.cluster.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.labforge.cluster.reconcile..",
                        "dev.labforge.cluster.status..", "dev.labforge.cluster.events..",
                        "dev.labforge.cluster.lifecycle..", "dev.labforge.cluster.console..",
                        "dev.labforge.cluster.simulated..", "dev.labforge.cluster.kubevirt..")
                .check(CLASSES);
    }

    @Test
    void theEventLogKnowsNoOtherConcernOfTheClusterModule() {
        noClasses().that().resideInAPackage("dev.labforge.cluster.events..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.labforge.cluster.plan..",
                        "dev.labforge.cluster.reconcile..", "dev.labforge.cluster.status..",
                        "dev.labforge.cluster.lifecycle..", "dev.labforge.cluster.console..",
                        "dev.labforge.cluster.kubevirt..", "dev.labforge.cluster.multus..")
                .check(CLASSES);
    }

    @Test
    void theStatusPathAndTheReconcilerDoNotDriveTheLifecycle() {
        // lifecycle writes the desired run and wakes the reconciler with an event; nothing below it calls it back
        noClasses().that().resideInAnyPackage("dev.labforge.cluster.status..", "dev.labforge.cluster.events..",
                        "dev.labforge.cluster.plan..")
                .should().dependOnClassesThat().resideInAPackage("dev.labforge.cluster.lifecycle..")
                .check(CLASSES);
    }

    @Test
    void noModuleReachesIntoAnotherModulesPackagePrivateParts() {
        // Java visibility enforces this at compile time; the rule documents which types are public faces.
        classes().that().resideInAPackage("dev.labforge.lab..").and().haveSimpleNameEndingWith("Repository")
                .should().notBePublic().check(CLASSES);
    }
}
