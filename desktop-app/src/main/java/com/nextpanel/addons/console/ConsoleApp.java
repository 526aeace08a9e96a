package com.nextpanel.addons.console;

import com.nextpanel.addons.client.Fingerprints;
import com.nextpanel.addons.console.common.ConsolePaths;
import com.nextpanel.addons.console.common.FxDialogService;
import com.nextpanel.addons.console.common.FxTaskExecutor;
import com.nextpanel.addons.console.common.UserError;
import com.nextpanel.addons.console.marketplace.AgentCatalogSource;
import com.nextpanel.addons.console.marketplace.CatalogSource;
import com.nextpanel.addons.console.marketplace.SignedCatalogSource;
import com.nextpanel.addons.console.servers.ClientAgentConnector;
import com.nextpanel.addons.console.servers.ServerProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one window, 1280×800, themed; connected at once when the command line says so. */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    /** System property: print the start-up time and quit once the window is interactive (benchmark only). */
    public static final String EXIT_WHEN_INTERACTIVE = "nextpanel.console.exitWhenInteractive";

    static ConsoleOptions options = ConsoleOptions.parse();

    private FxTaskExecutor executor;
    private ConsoleContext context;

    @Override
    public void start(Stage stage) {
        // the theme before the first control: otherwise JavaFX loads its default (Modena) first, only to replace it
        Application.setUserAgentStylesheet(options.theme().userAgentStylesheet());
        executor = new FxTaskExecutor();
        FxDialogService dialogs = new FxDialogService(() -> stage);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            UserError error = UserError.of("Unexpected error", e);
            if (Platform.isFxApplicationThread()) {
                dialogs.showError(error);
            }
        });
        Path config = ConsolePaths.configDir();
        CatalogSource catalog = options.catalog().isPresent()
                ? new SignedCatalogSource(options.catalog().get(), options.trustRoot().orElseThrow(),
                        config.resolve("catalog-state"))
                : new AgentCatalogSource();
        context = new ConsoleContext(config, new ClientAgentConnector(), catalog, executor, dialogs, Clock.systemDefaultZone());
        context.mainViewModel().themeProperty().set(options.theme());
        Scene scene = new Scene(context.mainWindow(), 1280, 800);
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(context.mainViewModel().windowTitleProperty());
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        reportInteractive(scene);

        Timeline heartbeat = new Timeline(new KeyFrame(Duration.seconds(15), e -> context.session().checkReachable()));
        heartbeat.setCycleCount(Timeline.INDEFINITE);
        heartbeat.play();
        connectAtStart();
    }

    /**
     * Logs the time from JVM start to the end of the first layout pulse after the window was shown: the window
     * is drawn and takes input. With {@value #EXIT_WHEN_INTERACTIVE} set (the start-up benchmark) it also prints
     * that time on standard output and quits.
     */
    private static void reportInteractive(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("window interactive {} ms after the JVM started", ms);
            if (Boolean.getBoolean(EXIT_WHEN_INTERACTIVE)) {
                System.out.println("BENCH window interactive " + ms + " ms after the JVM started");
                Platform.exit();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private void connectAtStart() {
        try {
            Optional<ServerProfile> profile = options.server().isPresent() ? Optional.of(profileFromOptions())
                    : context.session().lastUsed();
            profile.ifPresent(p -> context.session().connect(p));
        } catch (IOException | IllegalArgumentException e) {
            new FxDialogService(() -> null).showError(UserError.of("Opening " + options.server().orElse("the server"), e));
        }
    }

    /** The profile the command line names: its token and its fingerprint are read from the agent's own files. */
    private ServerProfile profileFromOptions() throws IOException {
        String url = options.server().orElseThrow();
        Optional<String> fingerprint = Optional.empty();
        if (options.fingerprintFile().isPresent()) {
            fingerprint = Optional.of(Fingerprints.normalize(read(options.fingerprintFile().get())));
        }
        ServerProfile profile = new ServerProfile(options.serverName(), url, fingerprint);
        Optional<String> token = options.tokenFile().isPresent() ? Optional.of(read(options.tokenFile().get())) : Optional.empty();
        boolean known = context.session().profiles().stream().anyMatch(p -> p.name().equals(profile.name()));
        context.session().saveProfile(known ? Optional.of(profile.name()) : Optional.empty(), profile, token);
        return context.session().profiles().stream().filter(p -> p.name().equals(profile.name())).findFirst().orElse(profile);
    }

    private static String read(Path file) throws IOException {
        String s = Files.readString(file).trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty");
        }
        // tls.sha256 may read "<hex>  <name>" like sha256sum output
        return s.split("\\s+")[0];
    }

    @Override
    public void stop() {
        LOG.info("console closing; running jobs go on on the server");
        if (context != null) {
            context.tracker().stopFollowing();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
