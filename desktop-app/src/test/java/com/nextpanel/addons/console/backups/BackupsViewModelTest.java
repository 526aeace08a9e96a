package com.nextpanel.addons.console.backups;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.client.BackupInfo;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsViewModelTest {

    @TempDir
    Path config;
    private Consoles console;
    private BackupsViewModel vm;

    @BeforeEach
    void setUp() {
        console = new Consoles(config, InMemoryAgent.demo().withInstalled("ai_chatbot", "1.0.0")
                .withBackup("b-old", "full", null, Instant.parse("2026-11-20T10:00:00Z"), 10_000)
                .withBackup("b-new", "addon", "ai_chatbot", Instant.parse("2026-11-24T10:00:00Z"), 2_000)).connected();
        vm = console.context.backupsViewModel();
    }

    @Test
    void backupsAreListedNewestFirst() {
        assertThat(vm.backups()).extracting(BackupInfo::backupId).containsExactly("b-new", "b-old");
    }

    @Test
    void theScopesAreAFullBackupOrOneInstalledAddon() {
        assertThat(vm.scopes()).containsExactly(BackupsViewModel.FULL, "ai_chatbot");
    }

    @Test
    void creatingAFullBackupRunsAJobFollowedLiveAndRefreshesTheList() {
        vm.create();

        assertThat(console.agent.calls).contains("backup full");
        assertThat(vm.activeJobProperty().get().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(vm.backups()).hasSize(3);
    }

    @Test
    void creatingABackupOfOneAddonSendsItsId() {
        vm.scopeProperty().set("ai_chatbot");

        vm.create();

        assertThat(console.agent.calls).contains("backup addon ai_chatbot");
    }

    @Test
    void restoreAsksFirstSayingWhatItReplaces() {
        vm.selectedProperty().set(vm.backups().get(1));

        vm.restore();

        assertThat(console.dialogs.lastConfirmation().destructive()).isTrue();
        assertThat(console.dialogs.lastConfirmation().details()).anyMatch(d -> d.contains("Replaces the whole database"));
        assertThat(console.agent.calls).contains("restore b-old");
    }

    @Test
    void cancelledRestoreChangesNothing() {
        console.dialogs.answer(false, false);
        vm.selectedProperty().set(vm.backups().get(0));

        vm.restore();

        assertThat(console.agent.calls).noneMatch(c -> c.startsWith("restore"));
    }
}
