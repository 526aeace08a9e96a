package com.nextpanel.addons.console.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import com.nextpanel.addons.console.testing.InMemoryConnector;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The views, driven through the mouse and keyboard, headless (Monocle), over an in-memory agent. */
@ExtendWith(ApplicationExtension.class)
class ConsoleViewsTest {

    private Consoles console;

    @Start
    void start(Stage stage) {
        console = ConsoleStage.show(stage, InMemoryAgent.demo()
                .withCatalog("broken_migration", "Broken Migration", "Testing", "Its migration has an SQL error.", "1.0.0"));
    }

    private void connect(FxRobot robot) {
        robot.clickOn("#nameField").write("Local agent");
        robot.clickOn("#urlField").type(javafx.scene.input.KeyCode.END).write("127.0.0.1:8443");
        robot.clickOn("#tokenField").write(InMemoryConnector.TOKEN);
        robot.clickOn("#connectButton");
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void connectingFromTheServersPagePinsTheCertificateAndOpensTheMarketplace(FxRobot robot) {
        assertThat(text(robot, "#statusLabel")).contains("Not connected");

        connect(robot);

        assertThat(console.dialogs.trustQuestions).hasSize(1);
        assertThat(text(robot, "#statusLabel")).isEqualTo("Local agent (https://127.0.0.1:8443) — Connected");
        assertThat(robot.lookup("#addonGrid").tryQuery()).isPresent();
        assertThat(robot.lookup("#card-ai_chatbot").tryQuery()).isPresent();
        assertThat(text(robot, "#marketSummary")).isEqualTo("5 addons");
    }

    @Test
    void theSearchFieldFiltersTheCardsAsYouType(FxRobot robot) {
        connect(robot);

        robot.clickOn("#searchField").write("notif");

        assertThat(text(robot, "#marketSummary")).isEqualTo("2 of 5 addons");
        assertThat(robot.lookup("#card-ai_chatbot").tryQuery()).isEmpty();
        assertThat(robot.lookup("#card-sms_notifications").tryQuery()).isPresent();
    }

    @Test
    void installingShowsTheStepsSucceedTheAddonInInstalledAndItsPageInTheSidebarUntilUninstalled(FxRobot robot) {
        connect(robot);

        robot.clickOn("#card-ai_chatbot");
        assertThat(text(robot, "#detailsTitle")).isEqualTo("AI Chatbot");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> versions = robot.lookup("#versionBox").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(versions.getItems()).containsExactly("1.0.0", "1.1.0");
        robot.interact(() -> versions.setValue("1.0.0"));
        robot.clickOn("#installButton");

        assertThat(text(robot, "#jobStateLabel")).isEqualTo("SUCCEEDED");
        assertThat(robot.lookup("#stepTable").queryAs(TableView.class).getItems()).hasSize(InMemoryAgent.STEPS.length);

        robot.clickOn("#nav-installed");
        @SuppressWarnings("unchecked")
        TableView<com.nextpanel.addons.console.installed.InstalledRow> installed = robot.lookup("#installedTable").queryAs(TableView.class);
        assertThat(installed.getItems()).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo("1.0.0"));

        robot.clickOn("Live Chats");
        assertThat(text(robot, "#addonPageTitle")).isEqualTo("Live Chats");
        @SuppressWarnings("unchecked")
        TableView<Map<String, String>> rows = robot.lookup("#addonPageTable").queryAs(TableView.class);
        assertThat(rows.getItems()).extracting(r -> r.get("customer")).containsExactly("ACME Corp", "Globex");

        robot.clickOn("#nav-installed");
        robot.clickOn("ai_chatbot");
        robot.clickOn("#updateButton");
        assertThat(console.agent.calls).contains("update ai_chatbot 1.1.0 backup=true");
        assertThat(text(robot, "#jobStateLabel")).isEqualTo("SUCCEEDED");

        robot.clickOn("#nav-installed");
        assertThat(installed.getItems()).singleElement().satisfies(r -> assertThat(r.version()).isEqualTo("1.1.0"));
        robot.clickOn("ai_chatbot");
        robot.clickOn("#uninstallButton");

        assertThat(console.dialogs.lastConfirmation().typeToConfirm()).contains("ai_chatbot");
        assertThat(text(robot, "#jobStateLabel")).isEqualTo("SUCCEEDED");
        assertThat(robot.lookup("Live Chats").tryQuery()).isEmpty();
    }

    @Test
    void aFailingMigrationShowsRolledBackWithTheStepsThatWereUndone(FxRobot robot) {
        connect(robot);

        robot.clickOn("#card-broken_migration");
        robot.clickOn("#installButton");

        assertThat(text(robot, "#jobStateLabel")).isEqualTo("ROLLED BACK");
        assertThat(text(robot, "#jobSummaryLabel")).contains("4 steps were undone");
        assertThat(robot.lookup("#rollbackList").queryAs(ListView.class).getItems())
                .containsExactly("backup", "stage", "download", "resolve");
        javafx.scene.control.ProgressBar progress = robot.lookup("#jobProgress").queryAs(javafx.scene.control.ProgressBar.class);
        assertThat(progress.getProgress()).isEqualTo(1.0);
        assertThat(progress.isVisible()).isTrue();
        assertThat(progress.getWidth()).as("progress bar width").isGreaterThan(100);
        assertThat(progress.getHeight()).as("progress bar height").isGreaterThan(4);
        Node rollbackBox = robot.lookup("#rollbackList").query().getParent();
        assertThat(rollbackBox.isVisible()).isTrue();
    }

    @Test
    void theThemeButtonSwitchesToDark(FxRobot robot) {
        robot.clickOn("#themeButton");

        assertThat(console.context.mainViewModel().themeProperty().get()).isEqualTo(com.nextpanel.addons.console.common.Theme.DARK);
        assertThat(robot.lookup("#themeButton").queryButton().getText()).isEqualTo("Light");
        robot.clickOn("#themeButton");
    }
}
