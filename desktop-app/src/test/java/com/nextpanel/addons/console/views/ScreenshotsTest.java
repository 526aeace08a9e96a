package com.nextpanel.addons.console.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.console.NavEntry;
import com.nextpanel.addons.console.common.Theme;
import com.nextpanel.addons.console.marketplace.AgentCatalogSource;
import com.nextpanel.addons.console.marketplace.CatalogSource;
import com.nextpanel.addons.console.marketplace.SignedCatalogSource;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes a 1280×800 picture of every main view, light and dark, to {@code src/docs/images/} (shown in the
 * README). The console runs as in the product, over an in-memory agent holding the demo catalog.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private Consoles console;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        console = ConsoleStage.show(stage, InMemoryAgent.demo()
                .withCatalog("broken_migration", "Broken Migration", "Testing", "A test addon whose migration has an SQL error.", "1.0.0")
                .withInstalled("ai_chatbot", "1.0.0")
                .withInstalled("email_marketing", "1.0.0")
                .withBackup("b-20261124-full", "full", null, Instant.parse("2026-11-24T09:30:00Z"), 18_400_000)
                .withBackup("b-20261125-ai_chatbot", "addon", "ai_chatbot", Instant.parse("2026-11-25T08:10:00Z"), 412_000),
                demoCatalog());
        console.connected();
    }

    /**
     * The marketplace as an administrator sees it: the real signed demo catalog, verified by the console (sizes,
     * signing key, changelogs from the signed summaries), when the build has made it; else as the agent lists it.
     */
    private static CatalogSource demoCatalog() {
        Path demo = Path.of(System.getProperty("basedir", ".")).resolve("../addon-catalog/target/demo-catalog").normalize();
        if (!Files.isRegularFile(demo.resolve("root.json"))) {
            return new AgentCatalogSource();
        }
        try {
            return new SignedCatalogSource(demo.toString(), demo.resolve("root.json"), Files.createTempDirectory("catalog-state"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyMainViewIsPicturedInLightAndDark(FxRobot robot) throws IOException {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("../src/docs/images").normalize();
        Files.createDirectories(dir);
        robot.interact(() -> {
            var actions = console.context.actions();
            actions.install("notification_hub", Optional.of("1.0.0"));
            actions.install("broken_migration", Optional.empty());
            console.context.backupsViewModel().refresh();
        });
        List<Path> written = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            robot.interact(() -> console.context.mainViewModel().themeProperty().set(theme));
            String suffix = theme.name().toLowerCase(Locale.ROOT);
            written.add(shoot(robot, dir, NavEntry.SERVERS, "servers-" + suffix, () -> console.context.serversViewModel()
                    .selectedProperty().set(console.context.session().profiles().get(0))));
            written.add(shoot(robot, dir, NavEntry.MARKETPLACE, "marketplace-" + suffix, () -> {
                var vm = console.context.marketplaceViewModel();
                vm.selectedProperty().set(vm.visibleListings().stream().filter(l -> l.id().equals("ai_chatbot")).findFirst().orElseThrow());
            }));
            written.add(shoot(robot, dir, NavEntry.INSTALLED, "installed-" + suffix, () -> console.context.installedViewModel()
                    .selectedProperty().set(console.context.installedViewModel().rows().get(0))));
            written.add(shoot(robot, dir, NavEntry.JOBS, "jobs-" + suffix, () -> console.context.jobsViewModel().selectedProperty()
                    .set(console.context.tracker().jobs().get(0))));
            written.add(shoot(robot, dir, NavEntry.BACKUPS, "backups-" + suffix, () -> { }));
            String livechats = console.context.addonPages().items().get(0).key();
            written.add(shoot(robot, dir, livechats, "addon-page-" + suffix, () -> { }));
        }
        for (Path p : written) {
            BufferedImage img = ImageIO.read(p.toFile());
            assertThat(img.getWidth()).as(p.toString()).isEqualTo(1280);
            assertThat(img.getHeight()).as(p.toString()).isEqualTo(800);
        }
        assertThat(written).hasSize(12);
    }

    private Path shoot(FxRobot robot, Path dir, String page, String name, Runnable prepare) throws IOException {
        robot.interact(() -> {
            console.context.mainViewModel().show(page);
            prepare.run();
        });
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(stage.getScene().snapshot(null)));
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
        return file;
    }
}
