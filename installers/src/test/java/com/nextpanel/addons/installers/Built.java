package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the package phase put the installers; the failsafe configuration passes the paths. */
final class Built {

    static final Path OUT = Path.of(System.getProperty("installers.out", "target"));
    static final String VERSION = System.getProperty("installers.version", "0.1.0-SNAPSHOT");
    static final Path DEMO_CATALOG = Path.of(System.getProperty("installers.demoCatalog",
            "../addon-catalog/target/demo-catalog"));
    static final Path CATALOG_CLI = Path.of(System.getProperty("installers.catalogCli",
            "../addon-catalog/target/addon-catalog.jar"));

    private Built() {
    }

    static Path appImage(String name) {
        Path image = OUT.resolve("app-images").resolve(name);
        assertThat(image).as("app image built by -Pinstallers package").isDirectory();
        return image;
    }

    /** The one installer whose file name starts with the prefix and ends with the suffix. */
    static Path installer(String prefix, String suffix) {
        try (Stream<Path> files = Files.list(OUT.resolve("installers"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*" + suffix + " in " + OUT.resolve("installers")));
        } catch (IOException e) {
            throw new AssertionError("no installers in " + OUT + ": run -Pinstallers package first", e);
        }
    }

    static Path consoleDeb() {
        return installer("nextpanel-console_", ".deb");
    }

    static Path agentDeb() {
        return installer("nextpanel-agent_", ".deb");
    }

    static Path agentTarball() {
        return installer("nextpanel-agent-", ".tar.gz");
    }
}
