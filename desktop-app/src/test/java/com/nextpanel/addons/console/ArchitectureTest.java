package com.nextpanel.addons.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries that matter: the console talks to the agent only over HTTP; view models never touch controls. */
@AnalyzeClasses(packages = "com.nextpanel.addons.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule consoleNeverImportsAgentInternals = noClasses()
            .that().resideInAPackage("com.nextpanel.addons.console..")
            .should().dependOnClassesThat().resideInAPackage("com.nextpanel.addons.agent..");

    @ArchTest
    static final ArchRule viewModelsNeverTouchControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene.control..");

    @ArchTest
    static final ArchRule viewModelsNeverTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..");

    @ArchTest
    static final ArchRule servicesRunNoDialogsDirectly = noClasses()
            .that().resideInAnyPackage("com.nextpanel.addons.console.servers..", "com.nextpanel.addons.console.jobs..",
                    "com.nextpanel.addons.console.installed..", "com.nextpanel.addons.console.marketplace..",
                    "com.nextpanel.addons.console.backups..", "com.nextpanel.addons.console.addonpages..")
            .and().areTopLevelClasses().and().haveNameNotMatching(".*(View|Cell|Card)$")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene.control..", "javafx.stage..");
}
