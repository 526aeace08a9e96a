package com.nextpanel.addons.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.console.common.Theme;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

    @TempDir
    Path config;

    @Test
    void beforeConnectingTheStatusSaysWhereToStart() {
        Consoles console = new Consoles(config, InMemoryAgent.demo());
        MainViewModel vm = console.context.mainViewModel();

        assertThat(vm.windowTitleProperty().get()).isEqualTo("NextPanel Addons");
        assertThat(vm.statusProperty().get()).contains("Servers");
        assertThat(vm.currentPageProperty().get()).isEqualTo(NavEntry.SERVERS);
        assertThat(vm.navigation()).extracting(NavEntry::title).containsExactly("Servers", "Marketplace", "Installed", "Jobs", "Backups");
    }

    @Test
    void theTitleAndStatusBarNameTheServerAndWhetherItIsReachable() {
        Consoles console = new Consoles(config, InMemoryAgent.demo()).connected();
        MainViewModel vm = console.context.mainViewModel();

        assertThat(vm.windowTitleProperty().get()).isEqualTo("NextPanel Addons — Local agent");
        assertThat(vm.statusProperty().get()).isEqualTo("Local agent (https://127.0.0.1:8443) — Connected");
        assertThat(vm.currentPageProperty().get()).isEqualTo(NavEntry.MARKETPLACE);

        console.agent.failWith(new com.nextpanel.addons.client.AgentClientException(
                com.nextpanel.addons.client.ErrorCode.OFFLINE, "The server cannot be reached", null));
        console.context.session().checkReachable();

        assertThat(vm.statusProperty().get()).startsWith("Local agent (https://127.0.0.1:8443) — Offline");

        console.agent.failWith(null);
        console.context.session().checkReachable();

        assertThat(vm.statusProperty().get()).isEqualTo("Local agent (https://127.0.0.1:8443) — Connected");
    }

    @Test
    void anAddonUninstalledOutsideTheConsoleIsGoneFromInstalledAndTheSidebarOnTheNextPageOpened() {
        Consoles console = new Consoles(config, InMemoryAgent.demo().withInstalled("ai_chatbot", "1.0.0")).connected();
        MainViewModel vm = console.context.mainViewModel();
        assertThat(vm.navigation()).extracting(NavEntry::title).contains("Live Chats");

        console.agent.uninstall("ai_chatbot"); // as another administrator, or curl, would
        vm.currentPageProperty().set(NavEntry.INSTALLED);

        assertThat(console.context.inventory().installed()).isEmpty();
        assertThat(vm.navigation()).extracting(NavEntry::title).doesNotContain("Live Chats");
    }

    @Test
    void addonPagesFollowTheBuiltInPagesUnderTheirParent() {
        Consoles console = new Consoles(config, InMemoryAgent.demo().withInstalled("ai_chatbot", "1.0.0")).connected();

        assertThat(console.context.mainViewModel().navigation()).last().satisfies(e -> {
            assertThat(e.section()).contains("Support");
            assertThat(e.title()).isEqualTo("Live Chats");
        });
    }

    @Test
    void showingAJobOpensTheJobsPageWithItSelected() {
        Consoles console = new Consoles(config, InMemoryAgent.demo()).connected();
        String jobId = console.agent.install("ai_chatbot", Optional.empty());
        console.context.tracker().follow(jobId, "Install ai_chatbot");

        console.context.mainViewModel().showJob(jobId);

        assertThat(console.context.mainViewModel().currentPageProperty().get()).isEqualTo(NavEntry.JOBS);
        assertThat(console.context.jobsViewModel().selectedProperty().get().jobId()).isEqualTo(jobId);
    }

    @Test
    void theThemeTogglesBetweenLightAndDark() {
        MainViewModel vm = new Consoles(config, InMemoryAgent.demo()).context.mainViewModel();

        vm.toggleTheme();
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.DARK);
        vm.toggleTheme();
        assertThat(vm.themeProperty().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aJobThatEndsWhileAnotherPageIsShownIsAnnouncedWithItsOutcome() {
        Consoles console = new Consoles(config, InMemoryAgent.demo()
                .withCatalog("broken_migration", "Broken", "Test", "A migration with an SQL error.", "1.0.0")).connected();
        MainViewModel vm = console.context.mainViewModel();
        assertThat(vm.noticeProperty().get()).isNull();
        vm.show(NavEntry.MARKETPLACE);

        console.context.tracker().follow(console.agent.install("ai_chatbot", Optional.empty()), "Install ai_chatbot 1.1.0");

        assertThat(vm.noticeProperty().get()).satisfies(n -> {
            assertThat(n.text()).isEqualTo("Install ai_chatbot 1.1.0 succeeded");
            assertThat(n.succeeded()).isTrue();
        });
        assertThat(vm.activityProperty().get()).isZero();

        console.context.tracker().follow(console.agent.install("broken_migration", Optional.empty()), "Install broken_migration");

        assertThat(vm.noticeProperty().get()).satisfies(n -> {
            assertThat(n.text()).startsWith("Install broken_migration failed and was rolled back (").endsWith(" steps undone)");
            assertThat(n.succeeded()).isFalse();
        });

        vm.showJob(vm.noticeProperty().get().jobId());

        assertThat(vm.noticeProperty().get()).as("the job on screen needs no notice").isNull();
    }

    @Test
    void aJobStartedFromAPageEndsOnTheJobsPageWithoutANotice() {
        Consoles console = new Consoles(config, InMemoryAgent.demo()).connected();
        MainViewModel vm = console.context.mainViewModel();

        console.context.actions().install("ai_chatbot", Optional.empty());

        assertThat(vm.currentPageProperty().get()).isEqualTo(NavEntry.JOBS);
        assertThat(vm.noticeProperty().get()).isNull();
    }
}
