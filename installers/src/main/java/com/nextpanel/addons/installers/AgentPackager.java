package com.nextpanel.addons.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The agent: a jlinked runtime, an app image (app-images/nextpanel-agent) and, on Linux, a .deb that runs it
 * as a systemd service and a tar.gz with bin/ scripts for other Linux systems.
 *
 * <p>The .deb comes from jpackage (launcher, runtime, dependencies found from the runtime's libraries, and our
 * maintainer scripts from the resource dir). jpackage of JDK 17 can only place files under the install dir,
 * so {@link DebianRepack} then adds what a service needs elsewhere: the unit file and the configuration file
 * (registered as a dpkg conffile, so that upgrades keep an administrator's edits).
 */
final class AgentPackager {

    static final String NAME = "nextpanel-agent";
    static final String MAIN_CLASS = "com.nextpanel.addons.agent.AgentMain";
    static final String INSTALL_DIR = "/opt/" + NAME;
    static final String DESCRIPTION = "NextPanel Addons agent: installs, updates and uninstalls signed addons"
            + " on a running NextPanel Bill server";

    private final BuildSettings settings;
    private final Tools tools;
    private final RuntimeLinker linker;

    AgentPackager(BuildSettings settings, Tools tools) {
        this.settings = settings;
        this.tools = tools;
        this.linker = new RuntimeLinker(tools);
    }

    /** Builds the app image and, on Linux, the .deb and the tar.gz; returns the app image. */
    Path build() {
        Path agentJar = BuildSettings.requireExists(settings.projectRoot().resolve("server-agent/target/server-agent.jar"),
                "build server-agent first");
        Path work = Files2.freshDirectory(settings.workDir(NAME));
        Path input = Files2.createDirectories(work.resolve("input"));
        Files2.copy(agentJar, input.resolve("server-agent.jar"));

        Set<String> modules = linker.modulesFor(List.of(agentJar), Files2.createDirectories(work.resolve("jdeps")));
        System.out.println("[installers] agent runtime modules: " + modules);
        Path runtime = work.resolve("runtime");
        // bin/java stays: the tar.gz's bin/nextpanel-agent script starts it.
        linker.link(modules, settings.jmods(), runtime, true);

        Path images = Files2.createDirectories(settings.appImagesDir());
        Files2.deleteRecursively(images.resolve(NAME));
        tools.jdkTool("jpackage", List.of(
                "--type", "app-image",
                "--name", NAME,
                "--dest", images.toString(),
                "--input", input.toString(),
                "--main-jar", "server-agent.jar",
                "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                // A service should die on OutOfMemoryError and be restarted, not limp on.
                "--java-options", "-XX:+ExitOnOutOfMemoryError",
                "--app-version", settings.packageVersion(),
                "--vendor", InstallerBuild.VENDOR,
                "--copyright", InstallerBuild.COPYRIGHT,
                "--description", DESCRIPTION));
        Path appImage = images.resolve(NAME);

        if (BuildSettings.os() == BuildSettings.Os.LINUX) {
            Path deb = debian(appImage, work);
            new DebianRepack(tools).addServiceFiles(deb, serviceFiles(work), work.resolve("repack"));
            TarballBuilder.build(tools, settings, runtime, agentJar, settings.packagingDir().resolve("agent"), work);
        }
        return appImage;
    }

    private Path debian(Path appImage, Path work) {
        Path resources = Files2.freshDirectory(work.resolve("resources"));
        Path templates = settings.packagingDir().resolve("agent/deb");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Files2.copyTemplate(templates.resolve(script), resources.resolve(script), replacements(), "rwxr-xr-x");
        }
        Path temp = work.resolve("jpackage-temp");
        Path dest = Files2.createDirectories(settings.installersDir());
        List<String> args = new ArrayList<>(List.of(
                "--type", "deb",
                "--app-image", appImage.toString(),
                "--name", NAME,
                "--dest", dest.toString(),
                "--temp", temp.toString(),
                "--app-version", settings.packageVersion(),
                "--vendor", InstallerBuild.VENDOR,
                "--copyright", InstallerBuild.COPYRIGHT,
                "--description", DESCRIPTION,
                "--resource-dir", resources.toString(),
                "--install-dir", "/opt",
                "--linux-package-name", NAME,
                "--linux-deb-maintainer", InstallerBuild.MAINTAINER_EMAIL,
                "--linux-app-category", "admin"));
        tools.jdkTool("jpackage", args);
        try (Stream<Path> made = Files.list(dest)) {
            return made.filter(p -> p.getFileName().toString().startsWith(NAME + "_"))
                    .filter(p -> p.getFileName().toString().endsWith(".deb"))
                    .findFirst()
                    .orElseThrow(() -> new InstallerException(ErrorCode.TOOL_FAILED, "jpackage made no " + NAME + " .deb in " + dest));
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.IO, "cannot list " + dest + ": " + e.getMessage(), e);
        }
    }

    /** The unit and the configuration, from src/packaging/agent, as they go into the package. */
    private List<DebianRepack.PackagedFile> serviceFiles(Path work) {
        Path templates = settings.packagingDir().resolve("agent");
        Path staged = Files2.freshDirectory(work.resolve("service-files"));
        Path unit = staged.resolve(NAME + ".service");
        Path conf = staged.resolve("agent.conf");
        Files2.copyTemplate(templates.resolve(NAME + ".service"), unit, replacements(), "rw-r--r--");
        Files2.copyTemplate(templates.resolve("agent.conf"), conf, replacements(), "rw-r-----");
        return List.of(
                new DebianRepack.PackagedFile(unit, "lib/systemd/system/" + NAME + ".service", "rw-r--r--", false),
                new DebianRepack.PackagedFile(conf, "etc/" + NAME + "/agent.conf", "rw-r-----", true));
    }

    private List<String[]> replacements() {
        return List.of(
                new String[] {"NAME", NAME},
                new String[] {"INSTALL_DIR", INSTALL_DIR},
                new String[] {"VERSION", settings.projectVersion()});
    }
}
