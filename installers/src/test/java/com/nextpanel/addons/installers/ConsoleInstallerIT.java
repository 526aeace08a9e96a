package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleInstallerIT {

    private static final String LAUNCHER = "opt/nextpanel-console/bin/nextpanel-console";

    @Test
    void appImageLauncherPrintsTheProjectVersion() {
        Path launcher = Built.appImage("nextpanel-console").resolve("bin/nextpanel-console");

        Launch.run(launcher, "--version")
                .skipWhilePlaceholder("com.nextpanel.addons.console.ConsoleMain")
                .printedVersion(Built.VERSION);
    }

    @Test
    void launcherStartsTheConsoleWithTheClientCompilerOnly() throws IOException {
        String cfg = Files.readString(Built.appImage("nextpanel-console").resolve("lib/app/nextpanel-console.cfg"));

        assertThat(cfg).contains("java-options=" + ConsolePackager.JIT_OPTION);
    }

    @Test
    void launcherNamesTheAppCdsArchiveInItsAppDirectory() throws IOException {
        String cfg = Files.readString(Built.appImage("nextpanel-console").resolve("lib/app/nextpanel-console.cfg"));

        assertThat(cfg).contains("java-options=" + ConsoleClassData.ARCHIVE_OPTION);
    }

    @Test
    void appImageStartsWithItsClassesFromTheAppCdsArchive() {
        Path app = Built.appImage("nextpanel-console");
        Path launcher = app.resolve("bin/nextpanel-console");
        assumeArchiveWasMade(app);

        // -Xshare:on: the JVM refuses to start unless it maps the archive (the launcher names it)
        Launch launch = Launch.run(List.of(launcher.toString(), "--version"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"));

        launch.skipWhilePlaceholder("com.nextpanel.addons.console.ConsoleMain").printedVersion(Built.VERSION);
        assertThat(launch.output()).contains("com.nextpanel.addons.console.ConsoleMain source: shared objects file");
    }

    @Test
    void aMissingOrForeignAppCdsArchiveOnlyMakesTheConsoleStartWithoutIt() throws IOException {
        Path app = Built.appImage("nextpanel-console");
        Path launcher = app.resolve("bin/nextpanel-console");
        assumeArchiveWasMade(app);
        Path archive = app.resolve("lib/app/" + ConsoleClassData.ARCHIVE);
        Path aside = archive.resolveSibling(ConsoleClassData.ARCHIVE + ".aside");
        Files.move(archive, aside);
        try {
            Launch.run(launcher, "--version").skipWhilePlaceholder("com.nextpanel.addons.console.ConsoleMain")
                    .printedVersion(Built.VERSION);
            // an archive made elsewhere (here: not an archive at all) is ignored the same way
            Files.writeString(archive, "not a class-data archive");
            Launch.run(launcher, "--version").printedVersion(Built.VERSION);
        } finally {
            Files.move(aside, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void debCarriesTheClassListAndItsScriptsMakeAndRemoveTheArchive(@TempDir Path control) throws IOException {
        Launch contents = Launch.run(List.of("dpkg-deb", "--contents", Built.consoleDeb().toString()));
        assertThat(Launch.run(List.of("dpkg-deb", "--control", Built.consoleDeb().toString(), control.toString())).exitCode())
                .isZero();

        assumeArchiveWasMade(Built.appImage("nextpanel-console"));
        // the archive made at build time is for the build's path only: the .deb has the list, postinst makes the archive
        assertThat(contents.output()).contains("./opt/nextpanel-console/lib/app/" + ConsoleClassData.CLASS_LIST)
                .doesNotContain(ConsoleClassData.ARCHIVE);
        assertThat(Files.readString(control.resolve("postinst"))).contains(
                ConsoleClassData.dumpOptions("/opt/nextpanel-console/lib/app/" + ConsoleClassData.CLASS_LIST,
                        "/opt/nextpanel-console/lib/app/" + ConsoleClassData.ARCHIVE),
                "/opt/nextpanel-console/bin/nextpanel-console", "xdg-desktop-menu install");
        assertThat(Files.readString(control.resolve("prerm"))).contains(
                "rm -f \"/opt/nextpanel-console/lib/app/" + ConsoleClassData.ARCHIVE + "\"", "xdg-desktop-menu uninstall");
    }

    /** The build makes the archive wherever it can start the console headless (an X display or xvfb-run). */
    private static void assumeArchiveWasMade(Path app) {
        boolean display = System.getenv("DISPLAY") != null || Files.isExecutable(Path.of("/usr/bin/xvfb-run"));
        Assumptions.assumeTrue(display, "no X display and no xvfb-run: the build packaged the console without AppCDS");
        assertThat(app.resolve("lib/app/" + ConsoleClassData.CLASS_LIST)).isRegularFile();
        assertThat(app.resolve("lib/app/" + ConsoleClassData.ARCHIVE)).isRegularFile();
    }

    @Test
    void bundledRuntimeHoldsJavaFxNeedsAndTlsButNoCompilerOrShell() throws IOException {
        String release = Files.readString(Built.appImage("nextpanel-console").resolve("lib/runtime/release"));

        assertThat(release).contains("java.desktop", "jdk.unsupported", "jdk.crypto.ec", "java.base");
        assertThat(release).doesNotContain("jdk.compiler", "jdk.jshell", "jdk.jdeps");
    }

    @Test
    void debListsLauncherRuntimeApplicationMenuEntryAndIcon() {
        Launch contents = Launch.run(List.of("dpkg-deb", "--contents", Built.consoleDeb().toString()));

        assertThat(contents.exitCode()).isZero();
        assertThat(contents.output()).contains(
                "./" + LAUNCHER,
                "./opt/nextpanel-console/lib/runtime/lib/server/libjvm.so",
                "./opt/nextpanel-console/lib/app/desktop-app.jar",
                "./opt/nextpanel-console/lib/app/lib/",
                "./opt/nextpanel-console/lib/nextpanel-console-nextpanel-console.desktop",
                "./opt/nextpanel-console/lib/nextpanel-console.png");
    }

    @Test
    void debDeclaresNameDebianVersionDescriptionAndSection() {
        Launch fields = Launch.run(List.of("dpkg-deb", "--field", Built.consoleDeb().toString(),
                "Package", "Version", "Section", "Description"));

        assertThat(fields.exitCode()).isZero();
        assertThat(fields.output()).contains(
                "Package: nextpanel-console",
                "Version: " + BuildSettings.packageVersion(Built.VERSION) + "-1",
                "Section: admin",
                "Description: Desktop console of NextPanel Addons");
    }

    @Test
    void menuEntryIsTitledNextPanelAddonsAndStartsTheInstalledLauncher(@TempDir Path root) throws IOException {
        assertThat(Launch.run(List.of("dpkg-deb", "-x", Built.consoleDeb().toString(), root.toString())).exitCode()).isZero();

        String entry = Files.readString(root.resolve("opt/nextpanel-console/lib/nextpanel-console-nextpanel-console.desktop"));

        assertThat(entry).contains("Name=NextPanel Addons", "Exec=/" + LAUNCHER, "Categories=System;Network",
                "Icon=/opt/nextpanel-console/lib/nextpanel-console.png");
        assertThat(root.resolve(LAUNCHER)).isExecutable();
    }

    @Test
    void postinstRegistersTheMenuEntry(@TempDir Path control) throws IOException {
        assertThat(Launch.run(List.of("dpkg-deb", "--control", Built.consoleDeb().toString(), control.toString())).exitCode())
                .isZero();

        assertThat(Files.readString(control.resolve("postinst")))
                .contains("xdg-desktop-menu install", "nextpanel-console-nextpanel-console.desktop");
    }
}
