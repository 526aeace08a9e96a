package com.nextpanel.addons.console.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.console.NavEntry;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketplaceViewModelTest {

    @TempDir
    Path config;
    private Consoles console;
    private MarketplaceViewModel vm;

    @BeforeEach
    void setUp() {
        console = new Consoles(config, InMemoryAgent.demo().withInstalled("ai_chatbot", "1.0.0").withInstalled("email_marketing", "1.0.0"))
                .connected();
        vm = console.context.marketplaceViewModel();
    }

    private AddonListing listing(String id) {
        return vm.visibleListings().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void connectingLoadsTheVerifiedCatalogSortedByName() {
        assertThat(vm.visibleListings()).extracting(AddonListing::name)
                .containsExactly("AI Chatbot", "Email Marketing", "Notification Hub", "SMS Notifications");
        assertThat(vm.verificationProperty().get()).contains("verified");
        assertThat(vm.summaryProperty().get()).isEqualTo("4 addons");
    }

    @Test
    void searchFiltersAsYouTypeOverNameAndDescription() {
        vm.queryProperty().set("n");
        assertThat(vm.visibleListings()).hasSize(4);
        vm.queryProperty().set("notif");
        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("notification_hub", "sms_notifications");
        vm.queryProperty().set("canned");
        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("ai_chatbot");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 4 addons");
        vm.queryProperty().set("");
        assertThat(vm.visibleListings()).hasSize(4);
    }

    @Test
    void filteringAsYouTypeShowsExactlyWhatANaiveFilterOfTheSortedCatalogShows() {
        Random random = new Random(42);
        String[] categories = {"Support", "Marketing", "Notifications", "Payments"};
        String[] words = {"chat", "Mail", "hub", "SMS", "invoice", "report", "Alert", "live", "sync", "ÉTÉ"};
        InMemoryAgent agent = new InMemoryAgent();
        for (int i = 0; i < 300; i++) {
            String name = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " " + i;
            // duplicate names on purpose: the id breaks the tie
            agent.withCatalog(String.format(Locale.ROOT, "addon_%03d", i), i % 50 == 0 ? "Same name" : name,
                    categories[random.nextInt(categories.length)], "Does " + words[random.nextInt(words.length)] + " things", "1.0.0");
        }
        MarketplaceViewModel big = new Consoles(config.resolve("big"), agent).connected().context.marketplaceViewModel();
        List<AddonListing> all = List.copyOf(big.visibleListings());
        assertThat(all).hasSize(300);

        for (int round = 0; round < 200; round++) {
            String query = switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> words[random.nextInt(words.length)].substring(0, 1 + random.nextInt(3));
                case 2 -> " " + words[random.nextInt(words.length)].toUpperCase(Locale.ROOT) + " ";
                default -> Integer.toString(random.nextInt(300));
            };
            String category = random.nextInt(3) == 0 ? categories[random.nextInt(categories.length)] : MarketplaceViewModel.ALL_CATEGORIES;
            SortOrder order = random.nextInt(5) == 0 ? SortOrder.values()[random.nextInt(SortOrder.values().length)] : big.sortProperty().get();
            big.sortProperty().set(order);
            big.categoryProperty().set(category);
            // typed key by key, as a user does
            for (int k = 0; k <= query.length(); k++) {
                big.queryProperty().set(query.substring(0, k));
            }

            String q = query.trim().toLowerCase(Locale.ROOT);
            Comparator<AddonListing> byName = Comparator.comparing(AddonListing::name, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(AddonListing::id);
            Comparator<AddonListing> naiveOrder = switch (order) {
                case NAME, INSTALLED_FIRST -> byName; // nothing is installed here
                case CATEGORY -> Comparator.comparing(AddonListing::category).thenComparing(byName);
                case MOST_VERSIONS -> byName; // every addon has one version
            };
            List<AddonListing> naive = all.stream()
                    .filter(l -> category.equals(MarketplaceViewModel.ALL_CATEGORIES) || l.category().equals(category))
                    .filter(l -> l.matches(q))
                    .sorted(naiveOrder)
                    .toList();
            assertThat(big.visibleListings()).as("query '%s' in %s sorted by %s", query, category, order).containsExactlyElementsOf(naive);
        }
    }

    @Test
    void aCatalogReloadedDuringASearchIsSearchedInItsNewListings() {
        vm.queryProperty().set("invoice");
        assertThat(vm.visibleListings()).isEmpty();

        console.agent.withCatalog("invoice_reminders", "Invoice Reminders", "Billing", "Reminds customers of unpaid invoices.", "1.0.0");
        vm.refresh();

        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("invoice_reminders");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 of 5 addons");
    }

    @Test
    void theCategoryFilterOffersEveryCategoryOfTheCatalog() {
        assertThat(vm.categories()).containsExactly(MarketplaceViewModel.ALL_CATEGORIES, "Marketing", "Notifications", "Support");

        vm.categoryProperty().set("Notifications");

        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("notification_hub", "sms_notifications");
    }

    @Test
    void installedFirstSortPutsInstalledAddonsAhead() {
        vm.sortProperty().set(SortOrder.INSTALLED_FIRST);

        assertThat(vm.visibleListings()).extracting(AddonListing::id)
                .containsExactly("ai_chatbot", "email_marketing", "notification_hub", "sms_notifications");
    }

    @Test
    void badgesSayInstalledOrUpdateAvailable() {
        assertThat(vm.badge(listing("ai_chatbot"))).isEqualTo(Badge.UPDATE_AVAILABLE);
        assertThat(vm.badge(listing("email_marketing"))).isEqualTo(Badge.INSTALLED);
        assertThat(vm.badge(listing("notification_hub"))).isEqualTo(Badge.NOT_INSTALLED);
    }

    @Test
    void detailsListVersionsNewestFirstAndOfferTheActionsThatApply() {
        vm.selectedProperty().set(listing("ai_chatbot"));

        ListingDetails d = vm.detailsProperty().get();
        assertThat(d.versions()).containsExactly("1.1.0  —  Sessions count their messages; Live Chats sorts by latest activity.", "1.0.0");
        assertThat(d.installedVersion()).contains("1.0.0");
        assertThat(d.canInstall()).isFalse();
        assertThat(d.canUpdate()).isTrue();
        assertThat(d.canUninstall()).isTrue();
        assertThat(d.permissions()).containsExactly("billing.customers:read");
        assertThat(d.routes()).containsExactly("/api/v1/chat");
        assertThat(d.dependencies()).containsExactly("NextPanel core >=1.0.0 <2.0.0");
        assertThat(d.changelog()).hasValueSatisfying(c -> assertThat(c).contains("Live Chats sorts by latest activity"));
    }

    @Test
    void detailsNameTheDependenciesThatComeAlong() {
        vm.selectedProperty().set(listing("sms_notifications"));

        assertThat(vm.detailsProperty().get().dependencies()).contains("notification_hub >=1.0.0 <2.0.0");
    }

    @Test
    void installShowsThePlanWithItsDependencyFirstAndFollowsTheJobAfterConfirmation() {
        vm.selectedProperty().set(listing("sms_notifications"));

        vm.install();

        assertThat(console.dialogs.lastConfirmation().details())
                .startsWith("Installs dependency notification_hub 1.2.0", "Installs sms_notifications 1.0.0")
                .contains("Grants permission billing.customers:read");
        assertThat(console.agent.calls).contains("plan install sms_notifications", "install sms_notifications 1.0.0");
        assertThat(console.context.tracker().jobs()).first().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.SUCCEEDED));
        assertThat(console.context.mainViewModel().currentPageProperty().get()).isEqualTo(NavEntry.JOBS);
        assertThat(vm.badge(listing("sms_notifications"))).isEqualTo(Badge.INSTALLED);
    }

    @Test
    void cancellingTheConfirmationStartsNoJob() {
        console.dialogs.answer(false, false);
        vm.selectedProperty().set(listing("notification_hub"));

        vm.install();

        assertThat(console.agent.calls).contains("plan install notification_hub").noneMatch(c -> c.startsWith("install "));
        assertThat(console.context.tracker().jobs()).isEmpty();
    }

    @Test
    void aRefusedPlanShowsTheConflictAndItsReasonsAndChangesNothing() {
        console.agent.install("sms_notifications", java.util.Optional.empty());
        console.context.inventory().refresh();
        vm.selectedProperty().set(listing("notification_hub"));

        vm.uninstall();

        assertThat(console.dialogs.errors).last().satisfies(e -> {
            assertThat(e.title()).contains("refused");
            assertThat(e.reasons()).containsExactly("sms_notifications depends on notification_hub");
        });
        assertThat(console.agent.calls).noneMatch(c -> c.startsWith("uninstall"));
    }
}
