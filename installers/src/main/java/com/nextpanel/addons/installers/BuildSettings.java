package com.nextpanel.addons.installers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the installer build reads and where it writes.
 *
 * @param projectRoot    the checkout (holds desktop-app/, server-agent/)
 * @param packagingDir   installers/src/packaging: templates of the packages
 * @param outDir         installers/target
 * @param projectVersion the Maven version, e.g. 0.1.0-SNAPSHOT
 * @param jdk            the JDK whose jmods are linked into the runtimes
 */
public record BuildSettings(Path projectRoot, Path packagingDir, Path outDir, String projectVersion, Path jdk) {

    private static final Pattern NUMERIC_VERSION = Pattern.compile("^(\\d+)(\\.\\d+){0,2}");
    private static final List<String> OPTIONS = List.of("project-root", "packaging", "out", "version", "jdk");

    /** Parses {@code --name=value} options; every option in {@link #OPTIONS} is required. */
    public static BuildSettings parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !OPTIONS.contains(arg.substring(2, eq))) {
                throw new InstallerException(ErrorCode.BAD_OPTION,
                        "unknown option '" + arg + "': expected --NAME=VALUE with NAME one of " + OPTIONS);
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        for (String option : OPTIONS) {
            if (values.getOrDefault(option, "").isBlank()) {
                throw new InstallerException(ErrorCode.BAD_OPTION, "missing option --" + option + "=VALUE");
            }
        }
        return new BuildSettings(Path.of(values.get("project-root")).toAbsolutePath().normalize(),
                Path.of(values.get("packaging")).toAbsolutePath().normalize(),
                Path.of(values.get("out")).toAbsolutePath().normalize(),
                values.get("version"),
                Path.of(values.get("jdk")).toAbsolutePath().normalize());
    }

    /**
     * The version the packages carry: the numeric head of the Maven version (0.1.0-SNAPSHOT gives 0.1.0),
     * because jpackage accepts only dotted numbers for .msi and .dmg and Debian would sort "-SNAPSHOT" oddly.
     */
    public String packageVersion() {
        return packageVersion(projectVersion);
    }

    static String packageVersion(String mavenVersion) {
        Matcher matcher = NUMERIC_VERSION.matcher(mavenVersion);
        if (!matcher.find()) {
            throw new InstallerException(ErrorCode.BAD_OPTION,
                    "version '" + mavenVersion + "' does not start with a number like 1.2.3");
        }
        return matcher.group();
    }

    /** Where the built installers (.deb, .tar.gz, .msi, .dmg) go. */
    public Path installersDir() {
        return outDir.resolve("installers");
    }

    /** Where the app images go: app-images/nextpanel-console, app-images/nextpanel-agent. */
    public Path appImagesDir() {
        return outDir.resolve("app-images");
    }

    /** Scratch space of one packaging run. */
    public Path workDir(String name) {
        return outDir.resolve("jpackage-work").resolve(name);
    }

    public Path jmods() {
        return jdk.resolve("jmods");
    }

    public static Os os() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.contains("win")) {
            return Os.WINDOWS;
        }
        if (name.contains("mac")) {
            return Os.MAC;
        }
        return Os.LINUX;
    }

    /** The system jpackage builds for: it makes installers only for the system it runs on. */
    public enum Os {
        LINUX("deb"), MAC("dmg"), WINDOWS("msi");

        private final String installerType;

        Os(String installerType) {
            this.installerType = installerType;
        }

        public String installerType() {
            return installerType;
        }
    }

    /** Fails with a message naming the module to build when an input file is absent. */
    public static Path requireExists(Path path, String whatBuildsIt) {
        if (!Files.exists(path)) {
            throw new InstallerException(ErrorCode.INPUT_MISSING, path + " does not exist: " + whatBuildsIt);
        }
        return path;
    }
}
