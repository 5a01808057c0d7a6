package io.portcullis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package arrows of design.md section 3 true: they point down only. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.portcullis");
    }

    @Test
    void netconfIsAStandaloneLibrary() {
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.netconf..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.intent..",
                        "io.portcullis.policy..",
                        "io.portcullis.inventory..",
                        "io.portcullis.platform..",
                        "io.portcullis.engine..",
                        "io.portcullis.lab..",
                        "io.portcullis.cli..",
                        "io.portcullis.api..",
                        "io.portcullis.verify..",
                        "io.portcullis.diff..",
                        "io.portcullis.alert..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void labUsesOnlyNetconf() {
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.lab..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.engine..",
                        "io.portcullis.cli..",
                        "io.portcullis.api..",
                        "io.portcullis.alert..",
                        "io.portcullis.policy..",
                        "io.portcullis.verify..",
                        "io.portcullis.diff..",
                        "io.portcullis.traffic..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void labTrafficSitsBelowTheEngine() {
        // the traffic model reads configs with the platform readers and decides with the verifier; it never drives
        // routers
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.traffic..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.engine..",
                        "io.portcullis.cli..",
                        "io.portcullis.api..",
                        "io.portcullis.alert..",
                        "io.portcullis.diff..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void verifierDependsOnIntentOnly() {
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.verify..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.policy..",
                        "io.portcullis.inventory..",
                        "io.portcullis.platform..",
                        "io.portcullis.engine..",
                        "io.portcullis.netconf..",
                        "io.portcullis.cli..",
                        "io.portcullis.api..",
                        "io.portcullis.lab..",
                        "io.portcullis.diff..",
                        "io.portcullis.alert..",
                        "io.portcullis.compile..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void intentNeverImportsAPlatformOrAnythingAbove() {
        // the IR is the bottom layer: policy and inventory import it, so it imports neither (nor the compiler)
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.intent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.policy..",
                        "io.portcullis.inventory..",
                        "io.portcullis.compile..",
                        "io.portcullis.platform..",
                        "io.portcullis.verify..",
                        "io.portcullis.engine..",
                        "io.portcullis.netconf..",
                        "io.portcullis.cli..",
                        "io.portcullis.api..",
                        "io.portcullis.lab..",
                        "io.portcullis.diff..",
                        "io.portcullis.alert..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theCompilerSeesOnlyPolicyInventoryAndTheIr() {
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.compile..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.platform..",
                        "io.portcullis.verify..",
                        "io.portcullis.engine..",
                        "io.portcullis.netconf..",
                        "io.portcullis.cli..",
                        "io.portcullis.api..",
                        "io.portcullis.lab..",
                        "io.portcullis.diff..",
                        "io.portcullis.alert..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void noCyclesBetweenAreas() {
        // one slice per top-level area (intent, compile, policy, engine, ...): the arrows of design.md may only
        // point down, so any loop between two areas, however indirect, is a layering bug
        slices().matching("io.portcullis.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noPackageCycles() {
        // every package is a slice (engine and engine.apply, platform and platform.junos, platform.junos and its jaxb
        // classes): a package may only depend on packages that never depend back on it, directly or not
        slices().matching("io.portcullis.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noCyclesBetweenEngineRooms() {
        // engine.apply, engine.router, engine.plan, ... stay a stack; the thin engine facade above them is not a slice
        slices().matching("io.portcullis.engine.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheRouterRoomTalksNetconf() {
        // engine.router is the one engine package that knows NETCONF exists; the rooms above it name datastores with
        // engine.router.Datastore, which NetconfRouterSession maps onto netconf.rpc.Datastore
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.engine..")
                .and()
                .resideOutsideOfPackage("io.portcullis.engine.router..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.portcullis.netconf..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void platformsNeverImportEachOther() {
        // the registry in io.portcullis.platform itself may know them all; subpackages may not know each other
        slices().matching("io.portcullis.platform.(*)..")
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(true)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(
                                "io.portcullis.platform.junos",
                                "io.portcullis.platform.iosxr",
                                "io.portcullis.platform.sros",
                                "io.portcullis.platform.vrp",
                                "io.portcullis.platform.openconfig",
                                "io.portcullis.platform.ietf"));
    }

    @Test
    void onlyThePolicyYangAdapterTouchesYangtools() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.portcullis.policy.yang..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.opendaylight..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void engineAndBelowNeverReachUp() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.portcullis.engine..",
                        "io.portcullis.diff..",
                        "io.portcullis.alert..",
                        "io.portcullis.platform..",
                        "io.portcullis.policy..",
                        "io.portcullis.inventory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.portcullis.cli..", "io.portcullis.api..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theServiceNeverReachesIntoTheCommandLine() {
        // cli's `serve` command starts the service (cli -> api is its entry point); the service itself loads
        // policy and inventory through engine, never through picocli classes
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.portcullis.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theDashboardOnlyReads() {
        // web: pages over what the service already knows (api, store, the drift monitor's state); it never opens a
        // session to a router, renders vendor config or changes anything, and nothing below the top imports it
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.netconf..",
                        "io.portcullis.platform..",
                        "io.portcullis.lab..",
                        "io.portcullis.traffic..",
                        "io.portcullis.cli..",
                        "io.portcullis.engine.apply..",
                        "io.portcullis.engine.router..",
                        "io.portcullis.engine.plan..",
                        "io.portcullis.counters..",
                        "java.sql..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackage("io.portcullis.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.portcullis.web..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theStoreIsAPortOfItsOwnAndTheEngineNeverTouchesJdbc() {
        // store: the run-history port and its JDBC implementation; the engine records through listeners, never SQL
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.store..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.engine..",
                        "io.portcullis.cli..",
                        "io.portcullis.api..",
                        "io.portcullis.alert..",
                        "io.portcullis.platform..",
                        "io.portcullis.netconf..",
                        "io.portcullis.lab..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.portcullis.engine..",
                        "io.portcullis.alert..",
                        "io.portcullis.platform..",
                        "io.portcullis.netconf..",
                        "io.portcullis.compile..",
                        "io.portcullis.intent..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.portcullis.store..", "java.sql..", "javax.sql..", "org.flywaydb..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theRecordConversionsAreSharedByTheTwoRecordersOnly() {
        // recording: RouterOutcome/RouterPlan -> RouterRecord, once for cli.CliRecorder and api.ServiceRecorder; it
        // sits beside them (engine and store below it), so only they may import it
        noClasses()
                .that()
                .resideInAPackage("io.portcullis.recording..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.portcullis.cli..",
                        "io.portcullis.api..",
                        "io.portcullis.web..",
                        "io.portcullis.alert..",
                        "io.portcullis.ha..",
                        "io.portcullis.engine.apply..",
                        "io.portcullis.engine.router..",
                        "io.portcullis.engine.drift..",
                        "io.portcullis.netconf..",
                        "io.portcullis.platform..",
                        "java.sql..",
                        "javax.sql..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages("io.portcullis.recording..", "io.portcullis.cli..", "io.portcullis.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.portcullis.recording..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingButTestsAcceptsAnyHostKey() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier")
                .allowEmptyShould(true)
                .check(classes);
    }
}
