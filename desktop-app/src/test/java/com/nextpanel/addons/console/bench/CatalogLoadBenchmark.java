package com.nextpanel.addons.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.console.ConsoleApp;
import com.nextpanel.addons.console.ConsoleContext;
import com.nextpanel.addons.console.NavEntry;
import com.nextpanel.addons.console.common.CurrentThreadTaskExecutor;
import com.nextpanel.addons.console.marketplace.SignedCatalogSource;
import com.nextpanel.addons.console.servers.ServerProfile;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import com.nextpanel.addons.console.testing.InMemoryConnector;
import com.nextpanel.addons.console.testing.ScriptedDialogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Benchmark, not a test (excluded from the build; run with {@code -Dgroups=benchmark}): a signed catalog of
 * 5,000 addons fetched, verified (TUF, Ed25519) and rendered as cards; then a search typed key by key, each
 * keystroke filtered and laid out. Prints the figures recorded in {@code src/docs/benchmarks.md}.
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class CatalogLoadBenchmark {

    private static final int ADDONS = 5_000;
    private static final String[] CATEGORIES = {"Support", "Marketing", "Notifications", "Payments", "Reports", "Security"};

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void loadVerifyRenderAndFilterFiveThousandAddons(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory("bench-catalog");
        Path catalog = dir.resolve("catalog");
        Path packages = catalog.resolve("packages");
        Files.createDirectories(packages);
        ObjectMapper mapper = new ObjectMapper();
        List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
        for (int i = 0; i < ADDONS; i++) {
            String id = String.format(Locale.ROOT, "addon_%04d", i);
            Path file = packages.resolve(id + "-1.0.0.zip");
            Files.write(file, ("package " + id).getBytes());
            ObjectNode summary = mapper.createObjectNode().put("id", id).put("version", "1.0.0")
                    .put("name", "Addon " + i + " " + CATEGORIES[i % CATEGORIES.length])
                    .put("description", "Generated addon number " + i + " for the catalog benchmark.")
                    .put("category", CATEGORIES[i % CATEGORIES.length]);
            summary.putArray("routes").add("/api/v1/" + id);
            targets.add(new CatalogPublisher.NewTarget("packages/" + id + "-1.0.0.zip", file, summary));
        }
        new CatalogPublisher(catalog, Keyring.generate(new SecureRandom()), Clock.systemUTC(), Map.of()).publish(targets);

        InMemoryAgent agent = new InMemoryAgent();
        // the TUF part alone, on a fresh client: fetch and verify root, timestamp, snapshot, targets (5,000 entries)
        long v0 = System.nanoTime();
        int verified = new SignedCatalogSource(catalog.toString(), catalog.resolve("root.json"), dir.resolve("state-alone"))
                .load(agent).listings().size();
        long verifyNanos = System.nanoTime() - v0;
        SignedCatalogSource source = new SignedCatalogSource(catalog.toString(), catalog.resolve("root.json"),
                dir.resolve("state"));
        ConsoleContext[] context = new ConsoleContext[1];
        robot.interact(() -> {
            context[0] = new ConsoleContext(dir.resolve("config"), new InMemoryConnector(agent), source,
                    new CurrentThreadTaskExecutor(), new ScriptedDialogs(), Clock.systemUTC());
            Scene scene = new Scene(context[0].mainWindow(), 1280, 800);
            scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            context[0].session().saveProfile(Optional.empty(), new ServerProfile("bench", "https://127.0.0.1:1", Optional.empty()),
                    Optional.of(InMemoryConnector.TOKEN));
            context[0].mainViewModel().show(NavEntry.MARKETPLACE);
        });

        // fetched, verified and rendered: connect loads the catalog (synchronously here), then a frame is drawn
        AtomicLong loadNanos = new AtomicLong();
        robot.interact(() -> {
            long t0 = System.nanoTime();
            context[0].session().connect(context[0].session().profiles().get(0));
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            stage.getScene().snapshot(null);
            loadNanos.set(System.nanoTime() - t0);
        });
        assertThat(context[0].catalog().listings()).hasSize(ADDONS);

        // filtering as you type: each keystroke is a new query, filtered, sorted, laid out
        String typed = "addon 4 support";
        long[] perKey = new long[typed.length()];
        for (int round = 0; round < 3; round++) { // the first two rounds warm the JIT; the last is reported
        for (int k = 1; k <= typed.length(); k++) {
            String prefix = typed.substring(0, k);
            int key = k - 1;
            robot.interact(() -> {
                long t0 = System.nanoTime();
                context[0].marketplaceViewModel().queryProperty().set(prefix);
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                perKey[key] = System.nanoTime() - t0;
            });
        }
        robot.interact(() -> context[0].marketplaceViewModel().queryProperty().set(""));
        }
        long[] sorted = perKey.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "BENCH catalog of %d addons fetched+verified (TUF) alone: %.0f ms%n", verified, verifyNanos / 1e6);
        System.out.printf(Locale.ROOT, "BENCH catalog of %d addons fetched+verified+rendered: %.0f ms%n", ADDONS, loadNanos.get() / 1e6);
        System.out.printf(Locale.ROOT, "BENCH filter per keystroke over %d addons: median %.1f ms, max %.1f ms (%d keystrokes, %d left)%n",
                ADDONS, sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6, perKey.length,
                context[0].marketplaceViewModel().visibleListings().size());
        System.out.printf(Locale.ROOT, "BENCH machine: %d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
