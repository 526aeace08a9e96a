package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
