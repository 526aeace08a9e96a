package com.nextpanel.addons.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.console.ConsoleApp;
import com.nextpanel.addons.console.ConsoleContext;
import com.nextpanel.addons.console.NavEntry;
import com.nextpanel.addons.console.common.CurrentThreadTaskExecutor;
import com.nextpanel.addons.console.marketplace.SignedCatalogSource;
import com.nextpanel.addons.console.servers.ServerProfile;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import com.nextpanel.addons.console.testing.InMemoryConnector;
import com.nextpanel.addons.console.testing.ScriptedDialogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Benchmark, not a test (excluded from the build; run with {@code -Dgroups=benchmark}, see
 * {@code src/docs/benchmarks.md}). A real signed catalog of 5,000 addons is published by another JVM, so that this
 * one meets the catalog code cold, as the console does on its first load after start-up. Measured:
 * <ol>
 * <li>fetch + verify (TUF, Ed25519) alone, the console's whole load, and that load listed and drawn in the console's
 *     window ({@link CatalogRenderRun}), each in a fresh JVM (cold) started with {@code -Dbench.jvmOptions};</li>
 * <li>fetch + verify + render (first cards laid out and drawn) in this JVM: the first time (cold), then again
 *     with fresh clients once the JIT has seen the code (warm);</li>
 * <li>filtering as you type: a search typed key by key into the search field, each keystroke filtered and laid out;</li>
 * <li>cold start of {@code java -jar target/desktop-app.jar} to an interactive window (under {@code xvfb-run}
 *     when there is no display).</li>
 * </ol>
 * Every figure is printed as a {@code BENCH} line with the machine, its load average and the date.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class CatalogLoadBenchmark {

    private static final int ADDONS = 5_000;
    private static final int CHILD_RUNS = 3;
    private static final int WARM_RUNS = 5;
    private static final int FILTER_ROUNDS = 5;
    private static final int START_RUNS = 3;
    private static final String TYPED = "addon 4 support";

    /** JVM options of every fresh JVM the benchmark starts, e.g. {@code -Dbench.jvmOptions=-XX:TieredStopAtLevel=1} as the packaged console runs. */
    private static final List<String> CHILD_JVM_OPTIONS = List.of(System.getProperty("bench.jvmOptions", "").split("\\s+"))
            .stream().filter(o -> !o.isBlank()).toList();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void loadVerifyRenderAndFilterFiveThousandAddons(FxRobot robot) throws Exception {
        machine("start");
        Path dir = Files.createTempDirectory("bench-catalog");
        Path catalog = dir.resolve("catalog");
        child(List.of("publish", catalog.toString(), Integer.toString(ADDONS)));

        // 1. cold, each in a fresh JVM
        List<double[]> refresh = new ArrayList<>();
        List<double[]> load = new ArrayList<>();
        List<double[]> render = new ArrayList<>();
        for (int i = 0; i < CHILD_RUNS; i++) {
            refresh.add(childFigures(List.of("refresh", catalog.toString())));
            load.add(childFigures(List.of("load", catalog.toString())));
            render.add(childFigures(List.of("render", catalog.toString())));
        }
        for (String mode : List.of("refresh", "load", "render")) {
            List<double[]> runs = mode.equals("refresh") ? refresh : mode.equals("load") ? load : render;
            String what = mode.equals("refresh") ? "fetch+verify, CatalogClient.refresh alone, fresh JVM"
                    : mode.equals("load") ? "fetch+verify+listings, SignedCatalogSource.load, fresh JVM"
                    : "fetch+verify+listings+render, the console's first load, fresh JVM (window up, FX thread loads)";
            print(what + ", wall", runs.stream().map(f -> f[0]).toList());
            print(what + ", CPU of the loading thread", runs.stream().map(f -> f[1]).toList());
            print(what + ", CPU of the whole JVM (JIT included)", runs.stream().map(f -> f[2]).toList());
        }

        // 2. the whole path in this JVM: first cold, then warm
        double cold = wholePath(robot, catalog, dir.resolve("run-0"));
        System.out.printf(Locale.ROOT, "BENCH fetch+verify+render, first load in this JVM (cold): %.0f ms%n", cold);
        List<Double> warm = new ArrayList<>();
        List<Double> warmAlone = new ArrayList<>();
        for (int i = 1; i <= WARM_RUNS; i++) {
            long t0 = System.nanoTime();
            Path alone = dir.resolve("alone-" + i);
            assertThat(new SignedCatalogSource(catalog.toString(), catalog.resolve("root.json"), alone.resolve("state"))
                    .load(new InMemoryAgent()).listings()).hasSize(ADDONS);
            warmAlone.add((System.nanoTime() - t0) / 1e6);
            warm.add(wholePath(robot, catalog, dir.resolve("run-" + i)));
        }
        print("fetch+verify+listings, SignedCatalogSource.load (warm)", warmAlone);
        print("fetch+verify+render (warm)", warm);

        // 3. filtering as you type, over the page the last run left on the stage
        TextField search = (TextField) stage.getScene().lookup("#searchField");
        assertThat(search).isNotNull();
        List<Double> firstRound = new ArrayList<>();
        List<Double> later = new ArrayList<>();
        int[] left = new int[1];
        List<Integer> shown = new ArrayList<>();
        for (int round = 0; round < FILTER_ROUNDS; round++) {
            shown.clear();
            for (int k = 1; k <= TYPED.length(); k++) {
                String prefix = TYPED.substring(0, k);
                AtomicLong nanos = new AtomicLong();
                robot.interact(() -> {
                    long t0 = System.nanoTime();
                    search.setText(prefix);
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    nanos.set(System.nanoTime() - t0);
                    left[0] = context.marketplaceViewModel().visibleListings().size();
                });
                (round == 0 ? firstRound : later).add(nanos.get() / 1e6);
                shown.add(left[0]);
            }
            assertThat(shown.get(0)).isEqualTo(ADDONS); // "a" matches every addon
            assertThat(shown.get("addon 4".length() - 1)).isPositive().isLessThan(ADDONS);
            robot.interact(() -> search.setText(""));
        }
        System.out.println("BENCH cards left after each keystroke of '" + TYPED + "': " + shown);
        print("filter per keystroke over " + ADDONS + ", first round (cold)", firstRound);
        print("filter per keystroke over " + ADDONS + ", rounds 2-" + FILTER_ROUNDS, later);

        // 4. cold start of the packaged console
        Path jar = Path.of("target", "desktop-app.jar");
        if (Files.exists(jar)) {
            List<Double> starts = new ArrayList<>();
            for (int i = 0; i < START_RUNS; i++) {
                starts.add(coldStart(jar, dir.resolve("start-" + i)));
            }
            print("cold start, java -jar " + jar + " to an interactive window", starts);
            // the same with an AppCDS archive of the classes a start loads (made by one run; not shipped: java -jar
            // cannot name it, a launcher can, e.g. jpackage --java-options)
            Path archive = dir.resolve("console.jsa");
            coldStart(jar, dir.resolve("start-dump"), "-XX:ArchiveClassesAtExit=" + archive);
            List<Double> cds = new ArrayList<>();
            for (int i = 0; i < START_RUNS; i++) {
                cds.add(coldStart(jar, dir.resolve("start-cds-" + i), "-XX:SharedArchiveFile=" + archive));
            }
            print("cold start with -XX:SharedArchiveFile (AppCDS, dynamic archive)", cds);
        } else {
            System.out.println("BENCH cold start not measured: " + jar.toAbsolutePath() + " is missing (package first)");
        }
        machine("end");
    }

    private ConsoleContext context;

    /** Connects a fresh console to the catalog and times it until the marketplace's first cards are laid out and drawn. */
    private double wholePath(FxRobot robot, Path catalog, Path work) {
        SignedCatalogSource source = new SignedCatalogSource(catalog.toString(), catalog.resolve("root.json"),
                work.resolve("state"));
        InMemoryAgent agent = new InMemoryAgent();
        robot.interact(() -> {
            context = new ConsoleContext(work.resolve("config"), new InMemoryConnector(agent), source,
                    new CurrentThreadTaskExecutor(), new ScriptedDialogs(), Clock.systemUTC());
            Scene scene = new Scene(context.mainWindow(), 1280, 800);
            scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            context.session().saveProfile(Optional.empty(), new ServerProfile("bench", "https://127.0.0.1:1", Optional.empty()),
                    Optional.of(InMemoryConnector.TOKEN));
            context.mainViewModel().show(NavEntry.MARKETPLACE);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        AtomicLong nanos = new AtomicLong();
        robot.interact(() -> {
            long t0 = System.nanoTime();
            // connecting loads the catalog (synchronously here: the executor runs tasks on the calling thread)
            context.session().connect(context.session().profiles().get(0));
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            stage.getScene().snapshot(null);
            nanos.set(System.nanoTime() - t0);
        });
        assertThat(context.catalog().listings()).hasSize(ADDONS);
        return nanos.get() / 1e6;
    }

    /** Runs this class path's {@link CatalogBenchFixture} in a fresh JVM; returns the milliseconds it reports. */
    private static double child(List<String> args) throws IOException, InterruptedException {
        return childFigures(args)[0];
    }

    /** @return wall ms, main-thread CPU ms, process CPU ms, as the child reports them */
    private static double[] childFigures(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CatalogBenchFixture.class.getName()));
        command.addAll(args);
        String out = run(command);
        String line = out.lines().filter(l -> l.startsWith("BENCH-CHILD ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no BENCH-CHILD line in:\n" + out));
        String[] cpu = line.substring(line.indexOf(", cpu ") + ", cpu ".length()).split(" ");
        return new double[] {parse(line, "BENCH-CHILD "), Double.parseDouble(cpu[0]), Double.parseDouble(cpu[1])};
    }

    private static double coldStart(Path jar, Path config, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (System.getenv("DISPLAY") == null && Files.isExecutable(Path.of("/usr/bin/xvfb-run"))) {
            command.addAll(List.of("/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1600x1000x24"));
        }
        command.add(java());
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-D" + ConsoleApp.EXIT_WHEN_INTERACTIVE + "=true", "-jar", jar.toString(),
                "--config-dir", config.toString()));
        return parse(run(command), "BENCH window interactive ");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("bench-child", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(3, TimeUnit.MINUTES);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!done || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + (done ? " failed" : " timed out") + ":\n" + out);
        }
        return out;
    }

    private static double parse(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(prefix.length()).split(" ")[0]))
                .orElseThrow(() -> new IllegalStateException("no '" + prefix + "' line in:\n" + output));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void print(String what, List<Double> ms) {
        double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = (a[(a.length - 1) / 2] + a[a.length / 2]) / 2;
        double p90 = a[(int) Math.ceil(0.9 * a.length) - 1];
        System.out.printf(Locale.ROOT, "BENCH %s: median %.1f ms, min %.1f, p90 %.1f, max %.1f (n=%d) %s%n", what, median, a[0], p90,
                a[a.length - 1], a.length, Arrays.toString(ms.stream().map(x -> Math.round(x)).toArray()));
    }

    private static void machine(String when) throws IOException {
        String load = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim() : "n/a";
        System.out.printf(Locale.ROOT, "BENCH machine at %s (%s): %d cores, load average %s, Java %s (%s), %s %s%n", when,
                Instant.now(), Runtime.getRuntime().availableProcessors(), load, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
