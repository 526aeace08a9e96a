package com.nextpanel.addons.console.bench;

import com.nextpanel.addons.console.ConsoleApp;
import com.nextpanel.addons.console.ConsoleContext;
import com.nextpanel.addons.console.NavEntry;
import com.nextpanel.addons.console.common.CurrentThreadTaskExecutor;
import com.nextpanel.addons.console.marketplace.SignedCatalogSource;
import com.nextpanel.addons.console.servers.ServerProfile;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import com.nextpanel.addons.console.testing.InMemoryConnector;
import com.nextpanel.addons.console.testing.ScriptedDialogs;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The benchmark's {@code render DIR} child: the console's first catalog load in a fresh JVM (started with the options
 * the console ships with), as a user meets it. JavaFX is started headless (Monocle, software rendering) and the
 * console's window is shown on the marketplace, not yet connected; then, timed: connect, the catalog fetched, verified
 * and listed, the marketplace laid out and drawn ({@code snapshot}). The same steps as the TestFX benchmark's
 * "whole path", in a JVM that has run no catalog code yet.
 *
 * @return wall ms, CPU ms of the JavaFX thread (which runs the load here), CPU ms of the whole JVM
 */
final class CatalogRenderRun {

    private CatalogRenderRun() {
    }

    static double[] run(Path catalog) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(1, TimeUnit.MINUTES);
        Path work = Files.createTempDirectory("bench-render");
        SignedCatalogSource source = new SignedCatalogSource(catalog.toString(), catalog.resolve("root.json"),
                work.resolve("state"));
        ConsoleContext[] context = new ConsoleContext[1];
        onFx(() -> {
            context[0] = new ConsoleContext(work.resolve("config"), new InMemoryConnector(new InMemoryAgent()), source,
                    new CurrentThreadTaskExecutor(), new ScriptedDialogs(), Clock.systemUTC());
            Stage stage = new Stage();
            Scene scene = new Scene(context[0].mainWindow(), 1280, 800);
            scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            context[0].session().saveProfile(Optional.empty(),
                    new ServerProfile("bench", "https://127.0.0.1:1", Optional.empty()), Optional.of(InMemoryConnector.TOKEN));
            context[0].mainViewModel().show(NavEntry.MARKETPLACE);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            scene.snapshot(null);
        });
        double[] figures = new double[3];
        onFx(() -> {
            long process0 = processCpu();
            long thread0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            // connecting loads the catalog (on this thread: the executor runs tasks where they are submitted)
            context[0].session().connect(context[0].session().profiles().get(0));
            Scene scene = context[0].mainWindow().getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            scene.snapshot(null);
            figures[0] = (System.nanoTime() - t0) / 1e6;
            figures[1] = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread0) / 1e6;
            figures[2] = (processCpu() - process0) / 1e6;
        });
        int listed = context[0].catalog().listings().size();
        if (listed == 0) {
            throw new IllegalStateException("the catalog did not load: " + context[0].catalog().verificationProperty().get());
        }
        Platform.exit();
        figures[0] = Math.round(figures[0] * 10) / 10.0;
        return new double[] {figures[0], figures[1], figures[2], listed};
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(3, TimeUnit.MINUTES);
    }
}
