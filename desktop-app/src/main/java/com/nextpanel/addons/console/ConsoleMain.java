package com.nextpanel.addons.console;

import com.nextpanel.addons.console.common.ConsolePaths;
import javafx.application.Application;

/**
 * Starts the console. Not itself an {@code Application}: the JavaFX launcher then runs with JavaFX on the
 * class path ({@code java -jar desktop-app.jar}, libraries in {@code lib/} beside it), with no module path.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        ConsoleOptions options;
        try {
            options = ConsoleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            // picocli's one line naming the option, and the hint (exit 2, as the catalog CLI)
            System.err.println(e.getMessage());
            System.err.println("Try 'java -jar desktop-app.jar --help' for more information.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ConsoleOptions.usage());
            return;
        }
        if (options.version()) {
            ConsoleOptions.commandLine().printVersionHelp(System.out);
            return;
        }
        // Before the first logger: logback.xml writes to CONFIG/logs/console.log.
        options.configDir().ifPresent(d -> System.setProperty(ConsolePaths.CONFIG_DIR_PROPERTY, d.toAbsolutePath().toString()));
        System.setProperty("nextpanel.console.logDir", ConsolePaths.configDir().resolve("logs").toString());
        ConsoleApp.options = options;
        Application.launch(ConsoleApp.class, args);
    }

    public static String version() {
        String v = ConsoleMain.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
