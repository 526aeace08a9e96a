package com.nextpanel.addons.console.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.console.NavEntry;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import com.nextpanel.addons.console.testing.SignedCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
            // none (all), one, or several categories checked at once
            java.util.Set<String> checked = new java.util.TreeSet<>();
            int howMany = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
            for (int c = 0; c < howMany; c++) {
                checked.add(categories[random.nextInt(categories.length)]);
            }
            SortOrder order = random.nextInt(5) == 0 ? SortOrder.values()[random.nextInt(SortOrder.values().length)] : big.sortProperty().get();
            big.sortProperty().set(order);
            big.selectCategories(checked);
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
                    .filter(l -> checked.isEmpty() || checked.contains(l.category()))
                    .filter(l -> l.matches(q))
                    .sorted(naiveOrder)
                    .toList();
            assertThat(big.visibleListings()).as("query '%s' in %s sorted by %s", query, checked, order).containsExactlyElementsOf(naive);
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
    void theCategoryFilterOffersEveryCategoryOfTheCatalogWithHowManyAddonsItHolds() {
        assertThat(vm.categories()).containsExactly(new CategoryCount("Marketing", 1), new CategoryCount("Notifications", 2),
                new CategoryCount("Support", 1));
        assertThat(vm.categories()).extracting(CategoryCount::label).containsExactly("Marketing (1)", "Notifications (2)", "Support (1)");

        vm.selectCategories(List.of("Notifications"));

        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("notification_hub", "sms_notifications");
    }

    @Test
    void severalCategoriesAtOnceShowTheAddonsOfAnyOfThem() {
        vm.selectCategories(List.of("Support", "Marketing"));

        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("ai_chatbot", "email_marketing");
        assertThat(vm.categoryTextProperty().get()).isEqualTo("Marketing, Support");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 of 4 addons");
    }

    @Test
    void noCategoryCheckedShowsEveryCategory() {
        vm.selectCategories(List.of("Support"));
        assertThat(vm.visibleListings()).hasSize(1);

        vm.selectCategories(List.of());

        assertThat(vm.visibleListings()).hasSize(4);
        assertThat(vm.categoryTextProperty().get()).isEqualTo(MarketplaceViewModel.ALL_CATEGORIES);
        assertThat(vm.summaryProperty().get()).isEqualTo("4 addons");
    }

    @Test
    void checkingAndUncheckingOneCategoryAtATimeFiltersLikeCheckingThemTogether() {
        vm.selectedCategories().add("Notifications");
        vm.selectedCategories().add("Support");
        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("ai_chatbot", "notification_hub", "sms_notifications");

        vm.selectedCategories().remove("Notifications");

        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("ai_chatbot");
        assertThat(vm.categoryTextProperty().get()).isEqualTo("Support");
    }

    @Test
    void categoriesCombineWithTheSearchAndTheSortOrder() {
        vm.selectCategories(List.of("Notifications", "Support"));
        vm.queryProperty().set("customers");
        vm.sortProperty().set(SortOrder.INSTALLED_FIRST);

        // "customers" is in the chatbot's and the SMS addon's descriptions; the chatbot is installed, so first
        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("ai_chatbot", "sms_notifications");

        vm.sortProperty().set(SortOrder.CATEGORY);

        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("sms_notifications", "ai_chatbot");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 of 4 addons");
    }

    @Test
    void whenNothingMatchesTheCardAreaSaysWhatWasSearchedAndWhatToDo() {
        vm.selectCategories(List.of("Marketing", "Support"));
        vm.queryProperty().set("  sms ");

        assertThat(vm.visibleListings()).isEmpty();
        assertThat(vm.emptyTextProperty().get())
                .isEqualTo("No addon matches “sms” in Marketing, Support. Clear the search or check other categories.");
    }

    @Test
    void withoutACatalogTheCardAreaSaysItIsNotLoaded() {
        MarketplaceViewModel notConnected = new Consoles(config.resolve("other"), InMemoryAgent.demo()).context.marketplaceViewModel();

        assertThat(notConnected.emptyTextProperty().get()).startsWith("No addons to show: the catalog is not loaded.");
    }

    @Test
    void aCategoryUnknownToTheCatalogIsNotChecked() {
        vm.selectCategories(List.of("Support", "Games"));

        assertThat(vm.selectedCategories()).containsExactly("Support");
        assertThat(vm.visibleListings()).extracting(AddonListing::id).containsExactly("ai_chatbot");
    }

    @Test
    void aReloadedCatalogCountsItsCategoriesAgainAndKeepsTheCheckedOnesItStillHas() {
        vm.selectCategories(List.of("Notifications", "Support"));
        console.agent.withCatalog("invoice_reminders", "Invoice Reminders", "Billing", "Reminds customers of unpaid invoices.", "1.0.0")
                .withCatalog("chat_transcripts", "Chat Transcripts", "Support", "Mails a transcript after each chat.", "1.0.0");

        vm.refresh();

        assertThat(vm.categories()).contains(new CategoryCount("Billing", 1), new CategoryCount("Support", 2));
        assertThat(vm.selectedCategories()).containsExactly("Notifications", "Support");
        assertThat(vm.visibleListings()).extracting(AddonListing::id)
                .containsExactly("ai_chatbot", "chat_transcripts", "notification_hub", "sms_notifications");
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
    void detailsShowThePackageSha256AndSizeOfTheSelectedVersionAsTheVerifiedCatalogSignsThem() throws Exception {
        SignedCatalogs signed = SignedCatalogs.demo(config.resolve("signed"));
        MarketplaceViewModel m = new Consoles(config.resolve("console"), InMemoryAgent.demo(), signed.source(config.resolve("state")))
                .connected().context.marketplaceViewModel();
        CatalogTarget latest = signed.target("ai_chatbot", "1.1.0", config.resolve("state-check"));
        CatalogTarget first = signed.target("ai_chatbot", "1.0.0", config.resolve("state-check"));

        m.selectedProperty().set(m.visibleListings().stream().filter(l -> l.id().equals("ai_chatbot")).findFirst().orElseThrow());

        ListingDetails d = m.detailsProperty().get();
        assertThat(d.sha256()).contains(latest.sha256());
        // the catalog's hash is the package file's: what the agent checks its download against
        assertThat(latest.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(signed.dir().resolve(latest.path())))));
        assertThat(d.sha256Short()).hasValueSatisfying(s -> assertThat(s)
                .startsWith(latest.sha256().substring(0, 12)).endsWith(latest.sha256().substring(56)).hasSize(21));
        // the exact byte count (these test packages are under 1 KB: "240 B"; a real one reads "32.4 KB (33,145 bytes)")
        assertThat(d.size()).startsWith(String.format(Locale.ROOT, "%,d B", latest.length()));

        m.selectedVersionProperty().set("1.0.0");

        assertThat(m.detailsProperty().get().sha256()).contains(first.sha256()).isNotEqualTo(Optional.of(latest.sha256()));
    }

    @Test
    void overTheAgentsListingTheDetailsHaveNoHashToShow() {
        vm.selectedProperty().set(listing("ai_chatbot"));

        assertThat(vm.detailsProperty().get().sha256()).isEmpty();
        assertThat(vm.detailsProperty().get().sha256Short()).isEmpty();
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
