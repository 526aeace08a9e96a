package com.nextpanel.addons.benchmarks;

import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A signed catalog of {@code n} small addons ({@code bench01}..): each a real compiled addon from the
 * {@link TestAddonBuilder} with one GET route {@code /api/v1/benchNN/ping} and one table, published with the
 * {@code addon-catalog} CLI under fresh keys. Kept in {@code bench-work/many-addons-<n>} and reused by later runs.
 */
public final class ManyAddons {

    private ManyAddons() {
    }

    public static String id(int i) {
        return String.format("bench%02d", i);
    }

    /** @return the catalog directory (holding {@code root.json}) */
    public static Path catalog(BenchPaths paths, int n) throws IOException, InterruptedException {
        Path base = paths.work().resolve("many-addons-" + n);
        Path catalog = base.resolve("catalog");
        if (Files.isRegularFile(catalog.resolve("root.json"))) {
            return catalog;
        }
        Dirs.delete(base);
        Path zips = Files.createDirectories(base.resolve("zips"));
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = id(i);
            Path zip = zips.resolve(id + "-1.0.0.zip");
            TestAddonBuilder.addon(id).version("1.0.0")
                    .jsonRoute(HttpMethod.GET, "/api/v1/" + id + "/ping", 200, "{\"addon\":\"" + id + "\"}")
                    .migration("V1__init.sql", "CREATE TABLE item (id INT PRIMARY KEY, name VARCHAR(100))")
                    .buildZip(zip);
            files.add(zip.toString());
        }
        cli(paths, List.of("keygen", "--out", base.resolve("keys").toString()));
        List<String> publish = new ArrayList<>(List.of("publish", "--catalog", catalog.toString(),
                "--keys", base.resolve("keys").toString()));
        publish.addAll(files);
        cli(paths, publish);
        return catalog;
    }

    private static void cli(BenchPaths paths, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", paths.catalogCli().toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("addon-catalog " + args.get(0) + " failed:\n" + out);
        }
    }
}
