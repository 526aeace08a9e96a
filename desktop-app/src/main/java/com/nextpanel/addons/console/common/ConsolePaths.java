package com.nextpanel.addons.console.common;

import java.nio.file.Path;

/** Where the console keeps its files: {@code ~/.config/nextpanel-addons/} unless {@code --config-dir} says otherwise. */
public final class ConsolePaths {

    public static final String CONFIG_DIR_PROPERTY = "nextpanel.console.configDir";

    private ConsolePaths() {
    }

    public static Path defaultConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("nextpanel-addons");
    }

    public static Path configDir() {
        String set = System.getProperty(CONFIG_DIR_PROPERTY);
        return set != null && !set.isBlank() ? Path.of(set) : defaultConfigDir();
    }

    static String logFileHint() {
        return configDir().resolve("logs").resolve("console.log").toString();
    }
}
