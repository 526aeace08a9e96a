package com.nextpanel.addons.installers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's AppCDS archive: the classes a start-up loads, parsed and laid out once, mapped by the JVM at every
 * start (a cold start to an interactive window took ≈ 35–40 % less; see src/docs/benchmarks.md, console).
 *
 * <p>Java 17 maps an archive only in the runtime and at the very class path it was made with, and the console runs
 * from its app image here but from {@code /opt/nextpanel-console} once installed. So the build records the class
 * list, which holds only class names: one headless start of the app image (under Xvfb) with
 * {@code -XX:DumpLoadedClassList}, that quits once its window is interactive. From that list {@code -Xshare:dump}
 * makes the archive where the console runs: here in the app image, and on the user's machine by the .deb's postinst.
 * The launcher always names the archive ({@link #ARCHIVE_OPTION}); one that is missing or does not match is ignored
 * by the JVM ({@code -Xshare:auto}, the default), so the console starts either way.
 */
final class ConsoleClassData {

    static final String CLASS_LIST = "console.classlist";
    static final String ARCHIVE = "console.jsa";
    /** In the launcher's java-options; the launcher expands {@code $APPDIR} to the app image's lib/app. */
    static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE;

    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);
    private static final Path XVFB_RUN = Path.of("/usr/bin/xvfb-run");

    private final Tools tools;

    ConsoleClassData(Tools tools) {
        this.tools = tools;
    }

    /**
     * Starts the app image once, headless, recording the classes it loads into lib/app/{@value #CLASS_LIST}.
     *
     * @return false (with a warning, and no class list) where no X display can be had: then no archive is made
     */
    boolean recordClassList(Path appImage, String launcherName, Path work) {
        List<String> command = new ArrayList<>();
        if (System.getenv("DISPLAY") == null) {
            if (!Files.isExecutable(XVFB_RUN)) {
                System.out.println("[installers] WARNING: no DISPLAY and no " + XVFB_RUN + " (Debian package xvfb): the console"
                        + " is packaged without its AppCDS archive and starts slower");
                return false;
            }
            command.addAll(List.of(XVFB_RUN.toString(), "-a", "-s", "-screen 0 1280x800x24"));
        }
        Path classList = appDir(appImage).resolve(CLASS_LIST);
        command.addAll(List.of(launcher(appImage, launcherName).toString(), "--config-dir",
                Files2.freshDirectory(work.resolve("cds-training-config")).toString()));
        tools.command(work, command, Map.of("JAVA_TOOL_OPTIONS",
                "-XX:DumpLoadedClassList=" + classList + " -Dnextpanel.console.exitWhenInteractive=true"), TRAINING_LIMIT);
        if (!Files.isRegularFile(classList)) {
            throw new InstallerException(ErrorCode.TOOL_FAILED, "the console's training start wrote no " + classList);
        }
        return true;
    }

    /** Makes lib/app/{@value #ARCHIVE} from the class list, with the app image's own runtime and class path. */
    void dumpArchive(Path appImage, String launcherName, Path work) {
        Path appDir = appDir(appImage);
        tools.command(work, List.of(launcher(appImage, launcherName).toString()), Map.of("JAVA_TOOL_OPTIONS",
                dumpOptions(appDir.resolve(CLASS_LIST).toString(), appDir.resolve(ARCHIVE).toString())), TRAINING_LIMIT);
        if (!Files.isRegularFile(appDir.resolve(ARCHIVE))) {
            throw new InstallerException(ErrorCode.TOOL_FAILED, "-Xshare:dump made no " + appDir.resolve(ARCHIVE));
        }
    }

    /** The JVM options that make the archive; the postinst uses the same. */
    static String dumpOptions(String classList, String archive) {
        return "-Xshare:dump -XX:SharedClassListFile=" + classList + " -XX:SharedArchiveFile=" + archive;
    }

    static Path appDir(Path appImage) {
        return appImage.resolve("lib/app");
    }

    private static Path launcher(Path appImage, String name) {
        return appImage.resolve("bin").resolve(name);
    }
}
