package com.nextpanel.addons.console.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import com.nextpanel.addons.console.testing.InMemoryConnector;
import com.nextpanel.addons.console.testing.SignedCatalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The marketplace's category filter and package hash, and the servers page's status line, driven through the mouse and
 * keyboard (headless, Monocle) over an in-memory agent, with the catalog a real signed one the console verifies itself.
 */
@ExtendWith(ApplicationExtension.class)
class MarketplaceAndServersViewsTest {

    private Consoles console;
    private SignedCatalogs catalog;
    private Path work;

    @Start
    void start(Stage stage) throws IOException {
        work = Files.createTempDirectory("console-views");
        catalog = SignedCatalogs.demo(work.resolve("catalog"));
        console = ConsoleStage.show(stage, InMemoryAgent.demo(), catalog.source(work.resolve("state")));
    }

    private void connect(FxRobot robot) {
        robot.clickOn("#nameField").write("Local agent");
        robot.clickOn("#urlField").type(KeyCode.END).write("127.0.0.1:8443");
        robot.clickOn("#tokenField").write(InMemoryConnector.TOKEN);
        robot.clickOn("#connectButton");
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** What the category field shows (its button cell, not the cells of its popup list), as a person reads it. */
    private String categoryField(FxRobot robot) {
        return robot.from(robot.lookup("#categoryBox").queryParent()).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.getStyleClass().contains("check-box-list-cell")).findFirst().orElseThrow().getText();
    }

    @Test
    void severalCheckedCategoriesCombineWithTheSearch(FxRobot robot) {
        connect(robot);
        assertThat(categoryField(robot)).isEqualTo("All categories");

        robot.clickOn("#categoryBox");
        robot.clickOn("Notifications (2)");
        robot.clickOn("Support (1)");
        robot.type(KeyCode.ESCAPE);

        assertThat(categoryField(robot)).isEqualTo("Notifications, Support");
        assertThat(text(robot, "#marketSummary")).isEqualTo("3 of 4 addons");
        assertThat(robot.lookup("#card-email_marketing").tryQuery()).isEmpty();
        assertThat(robot.lookup("#card-ai_chatbot").tryQuery()).isPresent();

        robot.clickOn("#searchField").write("SMS");

        assertThat(text(robot, "#marketSummary")).isEqualTo("1 of 4 addons");
        assertThat(robot.lookup("#card-sms_notifications").tryQuery()).isPresent();
        assertThat(robot.lookup("#card-ai_chatbot").tryQuery()).isEmpty();

        robot.clickOn("#categoryBox");
        robot.clickOn("Notifications (2)");
        robot.type(KeyCode.ESCAPE);

        // only Support is left checked: no Support addon matches "SMS"
        assertThat(categoryField(robot)).isEqualTo("Support");
        assertThat(text(robot, "#marketSummary")).isEqualTo("0 of 4 addons");
        assertThat(robot.lookup("#card-sms_notifications").tryQuery()).isEmpty();
        assertThat(text(robot, "#marketEmptyLabel")).startsWith("No addon matches “SMS” in Support.");
    }

    @Test
    void aReloadedCatalogWithNewCategoriesKeepsTheChecksAndTheFieldSayingThem(FxRobot robot) {
        connect(robot);
        robot.clickOn("#categoryBox");
        robot.clickOn("Support (1)");
        robot.type(KeyCode.ESCAPE);
        catalog.add("invoice_reminders", "Invoice Reminders", "Billing", "1.0.0").add("chat_transcripts", "Chat Transcripts", "Support", "1.0.0");

        robot.clickOn("#marketRefreshButton");

        assertThat(categoryField(robot)).isEqualTo("Support");
        assertThat(text(robot, "#marketSummary")).isEqualTo("2 of 6 addons");
        assertThat(robot.lookup("#card-chat_transcripts").tryQuery()).isPresent();
        robot.clickOn("#categoryBox");
        assertThat(robot.lookup("Billing (1)").tryQuery()).isPresent();
        robot.clickOn("Support (2)");
        robot.type(KeyCode.ESCAPE);
        assertThat(categoryField(robot)).isEqualTo("All categories");
        assertThat(text(robot, "#marketSummary")).isEqualTo("6 addons");

        // a reload that brings a category while nothing is checked
        catalog.add("uptime_monitor", "Uptime Monitor", "Monitoring", "1.0.0");
        robot.clickOn("#marketRefreshButton");

        assertThat(categoryField(robot)).isEqualTo("All categories");
        assertThat(text(robot, "#marketSummary")).isEqualTo("7 addons");
    }

    @Test
    void theDetailsShowTheSelectedVersionsPackageSha256AsTheCatalogSignsIt(FxRobot robot) {
        connect(robot);
        CatalogTarget latest = catalog.target("ai_chatbot", "1.1.0", work.resolve("check"));
        CatalogTarget first = catalog.target("ai_chatbot", "1.0.0", work.resolve("check"));

        robot.clickOn("#card-ai_chatbot");

        Label hash = robot.lookup("#detailsSha256").queryAs(Label.class);
        assertThat(hash.getUserData()).isEqualTo(latest.sha256());
        assertThat(hash.getText()).startsWith(latest.sha256().substring(0, 12)).contains("…").endsWith(latest.sha256().substring(56));
        assertThat(hash.getStyleClass()).contains("monospace");
        assertThat(hash.getTooltip().getText()).isEqualTo(latest.sha256());
        robot.clickOn("#copySha256Button");
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertThat(copied.get()).isEqualTo(latest.sha256());

        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> versions = robot.lookup("#versionBox").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> versions.setValue("1.0.0"));

        assertThat(robot.lookup("#detailsSha256").queryAs(Label.class).getUserData()).isEqualTo(first.sha256());
        assertThat(robot.lookup("#copySha256Button").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void theServersStatusLineDescribesTheSelectedProfile(FxRobot robot) {
        connect(robot);
        robot.clickOn("#nav-servers");
        assertThat(text(robot, "#connectionStateLabel")).isEqualTo("Connected — https://127.0.0.1:8443");

        robot.clickOn("#newServerButton");
        robot.clickOn("#nameField").write("Staging");
        robot.clickOn("#urlField").type(KeyCode.END).write("10.0.0.2:8443");
        robot.clickOn("#tokenField").write(InMemoryConnector.TOKEN);
        robot.clickOn("#saveButton");

        assertThat(text(robot, "#connectionStateLabel")).startsWith("Not connected — Save and connect to use it.")
                .contains("Certificate not trusted yet");
        assertThat(robot.lookup("#connectionStateLabel").queryAs(Label.class).getStyleClass()).doesNotContain("success");

        robot.clickOn("Local agent\nhttps://127.0.0.1:8443");

        assertThat(text(robot, "#connectionStateLabel")).isEqualTo("Connected — https://127.0.0.1:8443");
        assertThat(robot.lookup("#connectionStateLabel").queryAs(Label.class).getStyleClass()).contains("success");
        assertThat(text(robot, "#statusLabel")).isEqualTo("Local agent (https://127.0.0.1:8443) — Connected");
    }
}
