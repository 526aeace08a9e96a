package com.nextpanel.addons.installers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The console: a jlinked runtime, an app image (app-images/nextpanel-console) and the system's installer
 * (.deb on Linux with a menu entry; .msi on Windows, .dmg on macOS).
 *
 * <p>The console runs on the class path exactly as {@code java -jar desktop-app/target/desktop-app.jar} does,
 * JavaFX included (its jars carry the natives for this system), so the packaged console behaves like the one
 * the console's tests run; the runtime holds only the JDK modules that jdeps finds in those jars.
 */
final class ConsolePackager {

    static final String NAME = "nextpanel-console";
    static final String TITLE = "NextPanel Addons";
    static final String MAIN_CLASS = "com.nextpanel.addons.console.ConsoleMain";
    /**
     * The client compiler only: a desktop console never runs long enough to repay C2, and on a 2-core machine the C2
     * compiler threads compete with the first catalog load (a 5,000-addon catalog loads in about half the time; see
     * src/docs/benchmarks.md, console).
     */
    static final String JIT_OPTION = "-XX:TieredStopAtLevel=1";
    static final String DESCRIPTION = "Desktop console of NextPanel Addons: install, update and uninstall signed addons"
            + " on NextPanel Bill servers";

    private final BuildSettings settings;
    private final Tools tools;
    private final RuntimeLinker linker;
    private final ConsoleClassData classData;

    ConsolePackager(BuildSettings settings, Tools tools) {
        this.settings = settings;
        this.tools = tools;
        this.linker = new RuntimeLinker(tools);
        this.classData = new ConsoleClassData(tools);
    }

    /** Builds the app image and, where jpackage can, the installer; returns the app image. */
    Path build() {
        Path desktop = settings.projectRoot().resolve("desktop-app/target");
        Path mainJar = BuildSettings.requireExists(desktop.resolve("desktop-app.jar"), "build desktop-app first");
        Path work = Files2.freshDirectory(settings.workDir(NAME));
        Path input = Files2.createDirectories(work.resolve("input"));
        Files2.copy(mainJar, input.resolve(mainJar.getFileName()));
        List<Path> jars = new ArrayList<>(List.of(mainJar));
        // The jar's Class-Path names exactly its libraries; lib/ may still hold jars of older builds.
        for (String entry : classPath(mainJar)) {
            Path jar = BuildSettings.requireExists(desktop.resolve(entry), "listed in the Class-Path of " + mainJar
                    + ": build desktop-app first (package copies lib/)");
            Files2.copy(jar, input.resolve(entry));
            jars.add(jar);
        }

        Set<String> modules = linker.modulesFor(jars, Files2.createDirectories(work.resolve("jdeps")));
        System.out.println("[installers] console runtime modules: " + modules);
        Path runtime = work.resolve("runtime");
        linker.link(modules, settings.jmods(), runtime, false);

        Path icon = IconPainter.paint(work.resolve(NAME + ".png"), 256);
        Path images = Files2.createDirectories(settings.appImagesDir());
        Files2.deleteRecursively(images.resolve(NAME));
        tools.jdkTool("jpackage", appImageArguments(input, runtime, icon, images));
        Path appImage = images.resolve(NAME);

        // AppCDS: the class list goes into the installer (its postinst makes the archive where the console is installed);
        // the archive made here is for this app image's own path only, so it is made after the installer
        boolean classList = BuildSettings.os() == BuildSettings.Os.LINUX && classData.recordClassList(appImage, NAME, work);
        Path resources = resourceDir(work);
        tools.jdkTool("jpackage", installerArguments(appImage, icon, resources, work.resolve("jpackage-temp")));
        if (classList) {
            classData.dumpArchive(appImage, NAME, work);
        }
        return appImage;
    }

    /** The Class-Path entries of a jar's manifest (relative paths like lib/x.jar). */
    static List<String> classPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            return value == null ? List.of() : List.of(value.strip().split("\\s+"));
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot read the manifest of " + jar + ": " + e.getMessage(), e);
        }
    }

    private List<String> appImageArguments(Path input, Path runtime, Path icon, Path dest) {
        List<String> args = new ArrayList<>(List.of(
                "--type", "app-image",
                "--name", NAME,
                "--dest", dest.toString(),
                "--input", input.toString(),
                "--main-jar", "desktop-app.jar",
                "--main-class", MAIN_CLASS,
                "--java-options", JIT_OPTION,
                "--java-options", ConsoleClassData.ARCHIVE_OPTION,
                "--runtime-image", runtime.toString(),
                "--app-version", settings.packageVersion(),
                "--vendor", InstallerBuild.VENDOR,
                "--copyright", InstallerBuild.COPYRIGHT,
                "--description", DESCRIPTION));
        if (BuildSettings.os() == BuildSettings.Os.LINUX) {
            args.addAll(List.of("--icon", icon.toString()));
        }
        return args;
    }

    private List<String> installerArguments(Path appImage, Path icon, Path resources, Path temp) {
        BuildSettings.Os os = BuildSettings.os();
        Files2.deleteRecursively(temp);
        List<String> args = new ArrayList<>(List.of(
                "--type", os.installerType(),
                "--app-image", appImage.toString(),
                "--name", NAME,
                "--dest", Files2.createDirectories(settings.installersDir()).toString(),
                "--temp", temp.toString(),
                "--app-version", settings.packageVersion(),
                "--vendor", InstallerBuild.VENDOR,
                "--copyright", InstallerBuild.COPYRIGHT,
                "--description", DESCRIPTION,
                "--resource-dir", resources.toString()));
        switch (os) {
            case LINUX -> args.addAll(List.of(
                    "--icon", icon.toString(),
                    "--linux-package-name", NAME,
                    "--linux-deb-maintainer", InstallerBuild.MAINTAINER_EMAIL,
                    "--linux-app-category", "admin",
                    "--linux-shortcut",
                    "--linux-menu-group", "System;Network"));
            case WINDOWS -> args.addAll(List.of(
                    "--win-menu", "--win-menu-group", TITLE, "--win-shortcut", "--win-dir-chooser",
                    "--win-upgrade-uuid", "6f1c2a57-3a0e-4d55-9a59-5b3c0e1f7a21"));
            case MAC -> args.addAll(List.of("--mac-package-name", TITLE));
        }
        return args;
    }

    /**
     * jpackage's resource dir: the menu entry, titled "NextPanel Addons" rather than the launcher's name; the .deb's
     * postinst and prerm (jpackage's own, which it still fills in, plus making and removing the AppCDS archive).
     */
    private Path resourceDir(Path work) {
        Path resources = Files2.freshDirectory(work.resolve("resources"));
        Files2.copyTemplate(settings.packagingDir().resolve("console/" + NAME + ".desktop"),
                resources.resolve(NAME + ".desktop"), List.<String[]>of(new String[] {"TITLE", TITLE}), "rw-r--r--");
        String appDir = "/opt/" + NAME + "/lib/app/";
        List<String[]> replacements = List.of(new String[] {"NAME", NAME},
                new String[] {"LAUNCHER", "/opt/" + NAME + "/bin/" + NAME},
                new String[] {"CLASS_LIST", appDir + ConsoleClassData.CLASS_LIST},
                new String[] {"ARCHIVE", appDir + ConsoleClassData.ARCHIVE},
                new String[] {"DUMP_OPTIONS", ConsoleClassData.dumpOptions(appDir + ConsoleClassData.CLASS_LIST,
                        appDir + ConsoleClassData.ARCHIVE)});
        for (String script : List.of("postinst", "prerm")) {
            Files2.copyTemplate(settings.packagingDir().resolve("console/deb/" + script), resources.resolve(script),
                    replacements, "rwxr-xr-x");
        }
        return resources;
    }
}
