package com.nextpanel.addons.console.addonpages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.console.NavEntry;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddonPagesTest {

    @TempDir
    Path config;

    @Test
    void anInstalledAddonsNavigationItemAppearsUnderItsParentAndVanishesOnUninstall() {
        Consoles console = new Consoles(config, InMemoryAgent.demo()).connected();
        var nav = console.context.mainViewModel().navigation();
        assertThat(nav).noneMatch(NavEntry::isAddonPage);

        console.context.actions().install("ai_chatbot", Optional.empty());

        assertThat(nav).filteredOn(NavEntry::isAddonPage).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Live Chats");
            assertThat(e.section()).contains("Support");
            assertThat(e.iconLiteral()).isEqualTo("fth-message-circle");
        });

        console.context.actions().uninstall("ai_chatbot");

        assertThat(nav).noneMatch(NavEntry::isAddonPage);
    }

    @Test
    void aDisabledAddonShowsNoPages() {
        Consoles console = new Consoles(config, InMemoryAgent.demo().withInstalled("ai_chatbot", "1.0.0")).connected();
        assertThat(console.context.addonPages().items()).hasSize(1);

        console.context.actions().disable("ai_chatbot");

        assertThat(console.context.addonPages().items()).isEmpty();
    }

    @Test
    void thePageListsTheRowsOfItsRouteInTheDeclaredColumns() {
        Consoles console = new Consoles(config, InMemoryAgent.demo().withInstalled("ai_chatbot", "1.0.0")).connected();
        console.agent.postJson("/api/v1/chat/sessions", Map.of("id", 3, "customer", "Initech", "status", "open"));
        NavItem item = console.context.addonPages().items().get(0);

        AddonPageViewModel vm = new AddonPageViewModel(item, console.context.session()::api, new com.nextpanel.addons.console.common.CurrentThreadTaskExecutor());
        vm.refresh();

        assertThat(vm.columns()).extracting(NavItem.Column::title).containsExactly("Id", "Customer", "Status");
        assertThat(vm.rows()).extracting(r -> r.get("customer")).containsExactly("ACME Corp", "Globex", "Initech");
        assertThat(vm.statusProperty().get()).isEqualTo("3 rows from /api/v1/chat/sessions");
    }

    @Test
    void withoutDeclaredColumnsEveryFieldOfTheRowsBecomesAColumn() {
        Consoles console = new Consoles(config, InMemoryAgent.demo().withInstalled("ai_chatbot", "1.0.0")).connected();
        NavItem bare = new NavItem("ai_chatbot", "Support", "Chats", "", "/api/v1/chat/sessions", java.util.List.of());

        AddonPageViewModel vm = new AddonPageViewModel(bare, console.context.session()::api, new com.nextpanel.addons.console.common.CurrentThreadTaskExecutor());
        vm.refresh();

        assertThat(vm.columns()).extracting(NavItem.Column::field).containsExactly("id", "customer", "status");
    }

    @Test
    void theSampleManifestsShapeWithAnArrayOfViewsAndASourceIsRead() throws Exception {
        var console = new ObjectMapper().readTree("{\"navigation\":[{\"section\":\"Support\",\"label\":\"Live Chats\",\"view\":\"live_chats\"}],"
                + "\"views\":[{\"id\":\"live_chats\",\"type\":\"table\",\"title\":\"Live chats\",\"source\":\"/api/v1/chat/sessions\","
                + "\"columns\":[{\"field\":\"id\",\"label\":\"#\"},{\"field\":\"customerId\",\"label\":\"Customer\"}]}]}");

        assertThat(ConsoleSections.read("ai_chatbot", console)).singleElement().satisfies(i -> {
            assertThat(i.parent()).isEqualTo("Support");
            assertThat(i.title()).isEqualTo("Live Chats");
            assertThat(i.route()).isEqualTo("/api/v1/chat/sessions");
            assertThat(i.columns()).extracting(NavItem.Column::title).containsExactly("#", "Customer");
        });
    }

    @Test
    void consoleSectionsAreReadInTheirSeveralShapesAndRoutesOutsideTheApiAreSkipped() throws Exception {
        ObjectMapper m = new ObjectMapper();
        var viaViews = m.readTree("{\"navigation\":[{\"parent\":\"Support\",\"label\":\"Live Chats\",\"view\":\"chats\"},"
                + "{\"parent\":\"Support\",\"title\":\"Evil\",\"route\":\"/agent/v1/addons\"}],"
                + "\"views\":{\"chats\":{\"type\":\"table\",\"route\":\"/api/v1/chat/sessions\",\"columns\":[\"id\",\"created_at\"]}}}");
        var asArray = m.readTree("[{\"title\":\"Campaigns\",\"route\":\"/api/v1/email/campaigns\"}]");

        assertThat(ConsoleSections.read("ai_chatbot", viaViews)).singleElement().satisfies(i -> {
            assertThat(i.title()).isEqualTo("Live Chats");
            assertThat(i.route()).isEqualTo("/api/v1/chat/sessions");
            assertThat(i.columns()).extracting(NavItem.Column::title).containsExactly("Id", "Created at");
        });
        assertThat(ConsoleSections.read("email_marketing", asArray)).singleElement()
                .satisfies(i -> assertThat(i.parent()).isEqualTo("Addons"));
    }

    @Test
    void cellsShowNullAsEmptyAndTimestampsInLocalTime() throws Exception {
        var mapper = new ObjectMapper();

        assertThat(AddonPageViewModel.cell(mapper.readTree("null"))).isEmpty();
        assertThat(AddonPageViewModel.cell(mapper.readTree("\"2026-11-26T00:26:08.106912Z\"")))
                .isEqualTo(com.nextpanel.addons.console.common.Formats.time(java.time.Instant.parse("2026-11-26T00:26:08.106912Z")));
        assertThat(AddonPageViewModel.cell(mapper.readTree("\"Help with invoice 3\""))).isEqualTo("Help with invoice 3");
        assertThat(AddonPageViewModel.cell(mapper.readTree("42"))).isEqualTo("42");
    }
}
