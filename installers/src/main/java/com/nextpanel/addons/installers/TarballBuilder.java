package com.nextpanel.addons.installers;

import java.nio.file.Path;
import java.util.List;

/**
 * The agent for Linux systems without dpkg: a tar.gz of {@code nextpanel-agent-VERSION/} holding
 * {@code bin/nextpanel-agent} (a POSIX sh script), {@code lib/server-agent.jar}, {@code runtime/} (the same jlinked
 * runtime as the .deb) and {@code conf/} (the configuration and the systemd unit, as examples).
 * The system's tar packs it: it keeps the file modes and is on every system jpackage builds on.
 */
final class TarballBuilder {

    private TarballBuilder() {
    }

    static Path build(Tools tools, BuildSettings settings, Path runtime, Path agentJar, Path templates, Path work) {
        String top = AgentPackager.NAME + "-" + settings.packageVersion();
        Path stage = Files2.freshDirectory(work.resolve("tarball"));
        Path root = stage.resolve(top);
        Files2.copyTree(runtime, root.resolve("runtime"));
        Files2.copy(agentJar, root.resolve("lib/server-agent.jar"));
        List<String[]> replacements = List.of(
                new String[] {"NAME", AgentPackager.NAME},
                new String[] {"INSTALL_DIR", AgentPackager.INSTALL_DIR},
                new String[] {"VERSION", settings.projectVersion()});
        Files2.copyTemplate(templates.resolve("tar/nextpanel-agent"), root.resolve("bin/nextpanel-agent"),
                replacements, "rwxr-xr-x");
        Files2.copyTemplate(templates.resolve("tar/README.txt"), root.resolve("README.txt"), replacements, "rw-r--r--");
        Files2.copyTemplate(templates.resolve("agent.conf"), root.resolve("conf/agent.conf"), replacements, "rw-r-----");
        Files2.copyTemplate(templates.resolve(AgentPackager.NAME + ".service"),
                root.resolve("conf/" + AgentPackager.NAME + ".service"), replacements, "rw-r--r--");

        Path tarball = Files2.createDirectories(settings.installersDir()).resolve(tarballName(settings.packageVersion()));
        tools.command(stage, List.of("tar", "--owner=0", "--group=0", "--numeric-owner",
                "-czf", tarball.toString(), top));
        return tarball;
    }

    static String tarballName(String packageVersion) {
        String arch = System.getProperty("os.arch").replace("amd64", "x64");
        return AgentPackager.NAME + "-" + packageVersion + "-linux-" + arch + ".tar.gz";
    }
}
