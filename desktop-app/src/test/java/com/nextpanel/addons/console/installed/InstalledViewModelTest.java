package com.nextpanel.addons.console.installed;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.client.AddonState;
import com.nextpanel.addons.client.AgentClientException;
import com.nextpanel.addons.client.ErrorCode;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledViewModelTest {

    @TempDir
    Path config;
    private Consoles console;
    private InstalledViewModel vm;

    @BeforeEach
    void setUp() {
        console = new Consoles(config, InMemoryAgent.demo().withInstalled("ai_chatbot", "1.0.0").withInstalled("email_marketing", "1.0.0"))
                .connected();
        vm = console.context.installedViewModel();
    }

    private void select(String id) {
        vm.selectedProperty().set(vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow());
    }

    @Test
    void rowsShowVersionInstallTimeAndTheLatestAvailableVersion() {
        assertThat(vm.rows()).extracting(InstalledRow::id, InstalledRow::name, InstalledRow::version, InstalledRow::updateAvailable)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ai_chatbot", "AI Chatbot", "1.0.0", true),
                        org.assertj.core.groups.Tuple.tuple("email_marketing", "Email Marketing", "1.0.0", false));
        assertThat(vm.rows().get(0).latest()).contains("1.1.0");
        assertThat(vm.rows().get(0).installedAt()).isPresent();
        assertThat(vm.summaryProperty().get()).isEqualTo("2 addons installed, 1 update available");
    }

    @Test
    void theSummarySaysWhenTheListIsNotKnownRatherThanZeroAddonsInstalled() {
        console.agent.failWith(new AgentClientException(ErrorCode.OFFLINE, "The server cannot be reached", null));
        vm.refresh();

        assertThat(vm.summaryProperty().get()).startsWith("Server offline: ").endsWith("The list below is the last one read.");
        assertThat(vm.rows()).extracting(InstalledRow::id).containsExactly("ai_chatbot", "email_marketing");

        console.agent.failWith(null);
        vm.refresh();
        assertThat(vm.summaryProperty().get()).isEqualTo("2 addons installed, 1 update available");

        console.context.session().disconnect();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("Not connected");
    }

    @Test
    void updateOffersBackUpFirstCheckedByDefaultAndSendsIt() {
        select("ai_chatbot");

        vm.updateSelected();

        assertThat(console.dialogs.lastConfirmation().checkbox()).hasValueSatisfying(l -> assertThat(l).startsWith("Back up first"));
        assertThat(console.dialogs.lastConfirmation().checkboxDefault()).isTrue();
        assertThat(console.agent.calls).contains("update ai_chatbot 1.1.0 backup=true");
        assertThat(vm.rows().get(0).version()).isEqualTo("1.1.0");
        assertThat(vm.rows().get(0).updateAvailable()).isFalse();
    }

    @Test
    void updateWithoutBackupWhenTheBoxIsUnchecked() {
        console.dialogs.answer(true, false);
        select("ai_chatbot");

        vm.updateSelected();

        assertThat(console.agent.calls).contains("update ai_chatbot 1.1.0 backup=false");
    }

    @Test
    void uninstallListsTheTablesToDropAndAsksForTheNameWhenTheyHoldData() {
        select("ai_chatbot");

        vm.uninstallSelected();

        var c = console.dialogs.lastConfirmation();
        assertThat(c.destructive()).isTrue();
        // the installed 1.0.0 has no signed summary here: the schema is named as a whole
        assertThat(c.details()).contains("Drops every table in schema addon_ai_chatbot");
        assertThat(c.typeToConfirm()).contains("ai_chatbot");
        assertThat(vm.rows()).extracting(InstalledRow::id).containsExactly("email_marketing");
    }

    @Test
    void uninstallNamesEachTableFromTheSignedSummaryOfTheInstalledVersionWhenThePlanDropsAWholeSchema() {
        console = new Consoles(config.resolve("other"), InMemoryAgent.demo().withInstalled("email_marketing", "1.0.0")
                .withSummary("email_marketing", "{\"id\":\"email_marketing\",\"version\":\"1.0.0\","
                        + "\"tables\":[\"campaigns\",\"subscribers\"]}")).connected();
        vm = console.context.installedViewModel();
        select("email_marketing");

        vm.uninstallSelected();

        assertThat(console.dialogs.lastConfirmation().details())
                .contains("Drops table addon_email_marketing.campaigns", "Drops table addon_email_marketing.subscribers")
                .noneMatch(d -> d.contains(".*"));
    }

    @Test
    void updateSaysWhichTablesAreMigratedAndWhichAreNew() {
        // the installed version's signed summary lists only "sessions"
        AddonActions actions = new AddonActions(console.context.session()::api,
                new com.nextpanel.addons.console.common.CurrentThreadTaskExecutor(), console.dialogs, console.context.tracker(),
                jobId -> { }, id -> id.equals("ai_chatbot") ? java.util.List.of("sessions") : java.util.List.of());

        actions.update("ai_chatbot", java.util.Optional.empty());

        assertThat(console.dialogs.lastConfirmation().details())
                .contains("Migrates table addon_ai_chatbot.sessions", "Creates table addon_ai_chatbot.messages", "Serves route /api/v1/chatbot");
    }

    @Test
    void uninstallOfAnAddonWithoutRowsNeedsNoTypedName() {
        select("email_marketing");

        vm.uninstallSelected();

        assertThat(console.dialogs.lastConfirmation().typeToConfirm()).isEmpty();
    }

    @Test
    void disableThenEnableFlipsTheState() {
        select("email_marketing");
        vm.toggleSelected();
        assertThat(vm.rows().get(1).state()).isEqualTo(AddonState.DISABLED);

        select("email_marketing");
        vm.toggleSelected();

        assertThat(vm.rows().get(1).state()).isEqualTo(AddonState.ENABLED);
        assertThat(console.agent.calls).contains("disable email_marketing", "enable email_marketing");
    }

    @Test
    void backupOfOneAddonStartsAnAddonBackupJob() {
        select("ai_chatbot");

        vm.backupSelected();

        assertThat(console.agent.calls).contains("backup addon ai_chatbot");
        assertThat(console.context.tracker().jobs()).first().satisfies(j -> assertThat(j.title()).isEqualTo("Back up ai_chatbot"));
    }
}
