package com.nextpanel.addons.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.Agent;
import com.nextpanel.addons.agent.AgentConfig;
import com.nextpanel.addons.catalog.cli.AddonCatalogCli;
import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.client.Fingerprints;
import com.nextpanel.addons.console.ConsoleApp;
import com.nextpanel.addons.console.ConsoleContext;
import com.nextpanel.addons.console.common.FxTaskExecutor;
import com.nextpanel.addons.console.installed.InstalledRow;
import com.nextpanel.addons.console.marketplace.SignedCatalogSource;
import com.nextpanel.addons.console.servers.ClientAgentConnector;
import com.nextpanel.addons.console.servers.ServerStore;
import com.nextpanel.addons.console.testing.ScriptedDialogs;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console against a real agent, started in-process through its composition root on a copy of the signed
 * demo catalog (plus one test addon whose migration fails, published with the catalog CLI and the demo keys).
 * Everything is real: HTTPS with the agent's self-signed certificate pinned on first use, the TUF catalog
 * verified by the console, the job engine, server-sent events, H2. Driven through the mouse and keyboard,
 * headless; waits are bounded conditions, never timings.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleAgentEndToEndTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
    private static final Path DEMO_CATALOG = ROOT.resolve("addon-catalog/target/demo-catalog");
    private static final Path DEMO_KEYS = ROOT.resolve("addon-catalog/target/demo-keys");

    private static Path work;
    private static Path catalog;
    private static Agent agent;
    private FxTaskExecutor executor;
    private ScriptedDialogs dialogs;
    private ConsoleContext console;

    /** The slow part (a catalog with a freshly compiled test addon, an agent) before the FX stage is set up. */
    @BeforeAll
    static void startAgent() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(DEMO_CATALOG.resolve("root.json")),
                "the demo catalog is built by addon-catalog/demo-catalog at package: " + DEMO_CATALOG);
        work = Files.createTempDirectory("console-e2e");
        catalog = copy(DEMO_CATALOG, work.resolve("catalog"));
        Path broken = work.resolve("broken_migration-1.0.0.zip");
        TestAddonBuilder.addon("broken_migration").version("1.0.0").name("Broken Migration")
                .routePrefix("/api/v1/broken")
                .migration("V1__tables.sql", "CREATE TABLE ok_table (id INT PRIMARY KEY);")
                .migration("V2__oops.sql", "CRATE TABLE not_sql (id INT);")
                .buildZip(broken);
        int published = AddonCatalogCli.commandLine(Clock.systemUTC()).execute("publish", "--catalog", catalog.toString(),
                "--keys", DEMO_KEYS.toString(), broken.toString());
        assertThat(published).as("publishing the failing test addon").isZero();

        agent = Agent.start(AgentConfig.local(work.resolve("agent"), 0).withCatalog(catalog.toString(), catalog.resolve("root.json")));
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.close();
        }
    }

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        dialogs = new ScriptedDialogs();
        Path config = work.resolve("console");
        console = new ConsoleContext(config, new ClientAgentConnector(),
                new SignedCatalogSource(catalog.toString(), catalog.resolve("root.json"), config.resolve("catalog-state")),
                executor, dialogs, Clock.systemUTC());
        Scene scene = new Scene(console.mainWindow(), 1280, 800);
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.tracker().stopFollowing();
        }
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void connectBrowseInstallUseUpdateUninstallAndSeeAFailedMigrationRollBack(FxRobot robot) throws Exception {
        Path data = work.resolve("agent");
        String token = Files.readString(data.resolve("admin.token")).trim();
        String fingerprint = Fingerprints.normalize(Files.readString(data.resolve("tls.sha256")).trim().split("\\s+")[0]);

        // connect and pin
        click(robot, "#nameField").write("Local agent");
        click(robot, "#urlField").type(javafx.scene.input.KeyCode.END).write("127.0.0.1:" + agent.port());
        click(robot, "#tokenField").write(token);
        click(robot, "#connectButton");
        waitUntil(() -> text(robot, "#statusLabel").endsWith("Connected"));
        assertThat(dialogs.trustQuestions).containsExactly(Fingerprints.pretty(fingerprint));
        assertThat(new ServerStore(work.resolve("console")).load().get(0).fingerprint()).contains(fingerprint);

        // browse and search the catalog the console verified itself
        waitUntil(() -> robot.lookup("#card-ai_chatbot").tryQuery().isPresent());
        assertThat(text(robot, "#verificationLabel")).startsWith("Signed catalog verified by this console");
        click(robot, "#searchField").write("chat");
        waitUntil(() -> robot.lookup("#card-notification_hub").tryQuery().isEmpty());
        assertThat(robot.lookup("#card-ai_chatbot").tryQuery()).isPresent();

        // install ai_chatbot 1.0.0 and see its steps reach SUCCEEDED
        click(robot, "#card-ai_chatbot");
        waitUntil(() -> robot.lookup("#versionBox").tryQuery().isPresent());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> versions = robot.lookup("#versionBox").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> versions.setValue("1.0.0"));
        click(robot, "#installButton");
        awaitJob(1, "SUCCEEDED");
        waitUntil(() -> text(robot, "#jobStateLabel").equals("SUCCEEDED"));
        assertThat(robot.lookup("#stepTable").queryAs(TableView.class).getItems()).isNotEmpty();

        // find it in Installed with its version
        click(robot, "#nav-installed");
        @SuppressWarnings("unchecked")
        TableView<InstalledRow> installed = robot.lookup("#installedTable").queryAs(TableView.class);
        waitUntil(() -> installed.getItems().stream().anyMatch(r -> r.id().equals("ai_chatbot") && r.version().equals("1.0.0")));

        // its Live Chats page lists rows created through its route
        try (AgentClient client = AgentClient.builder(agent.localUrl()).token(token).pinnedFingerprint(fingerprint).build()) {
            client.postJson("/api/v1/chat/sessions", Map.of("title", "Invoice question", "customerId", 1));
            client.postJson("/api/v1/chat/sessions", Map.of("title", "Refund please", "customerId", 1));
        }
        waitUntil(() -> robot.lookup("Live Chats").tryQuery().isPresent());
        click(robot, "Live Chats");
        @SuppressWarnings("unchecked")
        TableView<Map<String, String>> rows = robot.lookup("#addonPageTable").queryAs(TableView.class);
        waitUntil(() -> rows.getItems().size() == 2);
        assertThat(rows.getItems()).extracting(r -> r.get("title")).containsExactlyInAnyOrder("Invoice question", "Refund please");

        // update it to 1.1.0 with a backup first
        click(robot, "#nav-installed");
        click(robot, "ai_chatbot");
        click(robot, "#updateButton");
        waitUntil(() -> !dialogs.confirmations.isEmpty() && dialogs.lastConfirmation().title().startsWith("Update"));
        assertThat(dialogs.lastConfirmation().checkboxDefault()).isTrue();
        awaitJob(2, "SUCCEEDED");
        click(robot, "#nav-installed");
        waitUntil(() -> installed.getItems().stream().anyMatch(r -> r.id().equals("ai_chatbot") && r.version().equals("1.1.0")));

        // uninstall it (typing its name, since it holds rows) and see the page disappear
        click(robot, "ai_chatbot");
        click(robot, "#uninstallButton");
        awaitJob(3, "SUCCEEDED");
        assertThat(dialogs.lastConfirmation().typeToConfirm()).contains("ai_chatbot");
        waitUntil(() -> robot.lookup("Live Chats").tryQuery().isEmpty());
        waitUntil(() -> installed.getItems().stream().noneMatch(r -> r.id().equals("ai_chatbot")));

        // install the addon whose migration fails and see ROLLED_BACK with its undone steps
        click(robot, "#nav-marketplace");
        showing(robot, "#searchField"); robot.doubleClickOn("#searchField").eraseText(4).write("broken");
        waitUntil(() -> robot.lookup("#card-broken_migration").tryQuery().isPresent());
        click(robot, "#card-broken_migration");
        click(robot, "#installButton");
        awaitJob(4, "ROLLED_BACK");
        waitUntil(() -> text(robot, "#jobStateLabel").equals("ROLLED BACK"));
        assertThat(robot.lookup("#rollbackList").queryAs(ListView.class).getItems()).isNotEmpty();
        assertThat(text(robot, "#jobSummaryLabel")).startsWith("Failed and rolled back");
    }

    /** Waits until the {@code n}th job of this session has ended, then checks how, showing its steps when it is wrong. */
    private void awaitJob(int n, String expected) throws Exception {
        waitUntil(() -> console.tracker().jobs().size() == n && console.tracker().jobs().get(0).isEnded());
        var job = console.tracker().jobs().get(0);
        String[] seen = new String[1];
        WaitForAsyncUtils.asyncFx(() -> seen[0] = job.title() + ": steps " + List.copyOf(job.steps()) + ", log " + List.copyOf(job.log())).get();
        assertThat(job.state().name()).as(seen[0]).isEqualTo(expected);
    }

    /**
     * Clicks a node once it is showing: in a scene, visible, laid out. Under load the FX thread may still be
     * building the page that holds it, or rebuilding the sidebar, when the test gets there.
     */
    private static org.testfx.api.FxRobotInterface click(FxRobot robot, String query) throws Exception {
        showing(robot, query);
        return robot.clickOn(query);
    }

    private static void showing(FxRobot robot, String query) throws Exception {
        waitUntil(() -> robot.lookup(query).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.isVisible() && n.getLayoutBounds().getWidth() > 0).isPresent());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
