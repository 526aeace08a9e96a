package com.nextpanel.addons.console.marketplace;

import com.nextpanel.addons.client.AddonInfo;
import com.nextpanel.addons.client.AddonState;
import com.nextpanel.addons.console.common.Formats;
import com.nextpanel.addons.console.installed.AddonActions;
import com.nextpanel.addons.console.installed.AddonInventory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * Marketplace: the verified catalog as cards, filtered as you type and by any number of categories, sorted; badges for
 * installed / update available; the selected addon's details; install, update and uninstall.
 */
public final class MarketplaceViewModel {

    /** What the category filter says when no category is checked: every category is shown. */
    public static final String ALL_CATEGORIES = "All categories";

    private final MarketplaceCatalog catalog;
    private final AddonInventory inventory;
    private final AddonActions actions;

    /** Lower-case text each listing is searched in, made once per catalog load rather than once per keystroke. */
    private final Map<String, String> searchText = new java.util.HashMap<>();
    /** Sorted first and filtered on top: a keystroke only tests each listing, it never re-sorts the catalog. */
    private final SortedList<AddonListing> sorted;
    private final FilteredList<AddonListing> filtered;
    /** The query and categories the predicate was made for, so that a keystroke that changes neither does nothing. */
    private String appliedQuery = "";
    private Set<String> appliedCategories = Set.of();
    private final StringProperty query = new SimpleStringProperty("");
    /** The checked categories; none checked means all (a filter that hides nothing). */
    private final ObservableSet<String> selectedCategories = FXCollections.observableSet(new TreeSet<>());
    private final ReadOnlyStringWrapper categoryText = new ReadOnlyStringWrapper(ALL_CATEGORIES);
    private boolean batchingCategories;
    private final ObjectProperty<SortOrder> sort = new SimpleObjectProperty<>(SortOrder.NAME);
    private final ObservableList<CategoryCount> categories = FXCollections.observableArrayList();
    private final ObjectProperty<AddonListing> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<String> selectedVersion = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ListingDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    /** Bumped when badges change, so that cards redraw. */
    private final ReadOnlyObjectWrapper<Integer> badgeRevision = new ReadOnlyObjectWrapper<>(0);

    public MarketplaceViewModel(MarketplaceCatalog catalog, AddonInventory inventory, AddonActions actions) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.actions = actions;
        this.sorted = new SortedList<>(catalog.listings());
        this.filtered = new FilteredList<>(sorted, l -> true);
        query.addListener(o -> refilter(false));
        selectedCategories.addListener((SetChangeListener<String>) c -> {
            if (!batchingCategories) {
                categoriesChanged();
            }
        });
        sort.addListener(o -> resort());
        catalog.listings().addListener((ListChangeListener<AddonListing>) c -> {
            indexSearchText();
            if (!appliedQuery.isEmpty()) {
                refilter(true); // the new listings were filtered before their search text existed
            }
            rebuildCategories();
            reselect();
            updateSummary();
        });
        inventory.installed().addListener((ListChangeListener<AddonInfo>) c -> {
            badgeRevision.set(badgeRevision.get() + 1);
            resort();
            updateDetails();
        });
        selected.addListener((o, a, b) -> {
            selectedVersion.set(b == null ? null : b.latest().version());
            updateDetails();
        });
        selectedVersion.addListener(o -> updateDetails());
        indexSearchText();
        resort();
        rebuildCategories();
        updateSummary();
    }

    private void indexSearchText() {
        searchText.clear();
        for (AddonListing l : catalog.listings()) {
            searchText.put(l.id(), (l.id() + "\n" + l.name() + "\n" + l.category() + "\n" + l.description()).toLowerCase(Locale.ROOT));
        }
    }

    public ObservableList<AddonListing> visibleListings() {
        return filtered;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Every category of the catalog with how many addons it holds, by name. */
    public ObservableList<CategoryCount> categories() {
        return categories;
    }

    /** The categories to show; empty shows every category. */
    public ObservableSet<String> selectedCategories() {
        return selectedCategories;
    }

    /** Checks exactly {@code names} (unknown ones are ignored) and filters once, not once per name. */
    public void selectCategories(Collection<String> names) {
        Set<String> known = new TreeSet<>();
        categories.forEach(c -> known.add(c.name()));
        Set<String> wanted = new TreeSet<>(names);
        wanted.retainAll(known);
        if (wanted.equals(selectedCategories)) {
            return;
        }
        batchingCategories = true;
        try {
            selectedCategories.retainAll(wanted);
            selectedCategories.addAll(wanted);
        } finally {
            batchingCategories = false;
        }
        categoriesChanged();
    }

    /** What the category field says: "All categories", or the checked ones, e.g. "Marketing, Support". */
    public ReadOnlyStringProperty categoryTextProperty() {
        return categoryText.getReadOnlyProperty();
    }

    public ObjectProperty<SortOrder> sortProperty() {
        return sort;
    }

    public ObjectProperty<AddonListing> selectedProperty() {
        return selected;
    }

    public ObjectProperty<String> selectedVersionProperty() {
        return selectedVersion;
    }

    public ReadOnlyObjectProperty<ListingDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What the card area says when it shows no card: why, and what to do. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verificationProperty() {
        return catalog.verificationProperty();
    }

    public ReadOnlyObjectProperty<com.nextpanel.addons.console.common.UserError> errorProperty() {
        return catalog.errorProperty();
    }

    public ReadOnlyObjectProperty<Integer> badgeRevisionProperty() {
        return badgeRevision.getReadOnlyProperty();
    }

    public void refresh() {
        catalog.refresh();
        inventory.refresh();
    }

    public Badge badge(AddonListing listing) {
        Optional<AddonInfo> installed = inventory.find(listing.id());
        if (installed.isEmpty()) {
            return Badge.NOT_INSTALLED;
        }
        AddonInfo a = installed.get();
        if (a.state() == AddonState.FAILED) {
            return Badge.FAILED;
        }
        if (Versions.isNewer(listing.latest().version(), a.version())) {
            return Badge.UPDATE_AVAILABLE;
        }
        return a.state() == AddonState.DISABLED ? Badge.DISABLED : Badge.INSTALLED;
    }

    public Optional<String> installedVersion(AddonListing listing) {
        return inventory.find(listing.id()).map(AddonInfo::version);
    }

    public void install() {
        selectedListing().ifPresent(l -> actions.install(l.id(), Optional.ofNullable(selectedVersion.get())));
    }

    public void update() {
        selectedListing().ifPresent(l -> actions.update(l.id(), Optional.ofNullable(selectedVersion.get())));
    }

    public void uninstall() {
        selectedListing().ifPresent(l -> actions.uninstall(l.id()));
    }

    private Optional<AddonListing> selectedListing() {
        return Optional.ofNullable(selected.get());
    }

    private void categoriesChanged() {
        categoryText.set(selectedCategories.isEmpty() ? ALL_CATEGORIES : String.join(", ", selectedCategories));
        refilter(false);
    }

    private void refilter(boolean force) {
        String q = query.get() == null ? "" : query.get().trim().toLowerCase(Locale.ROOT);
        Set<String> cats = Set.copyOf(selectedCategories);
        if (!force && q.equals(appliedQuery) && cats.equals(appliedCategories)) {
            return; // e.g. a trailing blank typed: the same search
        }
        appliedQuery = q;
        appliedCategories = cats;
        boolean anyCategory = cats.isEmpty();
        Predicate<AddonListing> p = l -> (anyCategory || cats.contains(l.category()))
                && (q.isEmpty() || searchText.getOrDefault(l.id(), "").contains(q));
        filtered.setPredicate(p);
        updateSummary();
    }

    private void resort() {
        Comparator<AddonListing> byName = Comparator.comparing(AddonListing::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(AddonListing::id);
        Comparator<AddonListing> order = switch (sort.get() == null ? SortOrder.NAME : sort.get()) {
            case NAME -> byName;
            case CATEGORY -> Comparator.comparing(AddonListing::category).thenComparing(byName);
            case INSTALLED_FIRST -> Comparator.comparing((AddonListing l) -> inventory.find(l.id()).isEmpty()).thenComparing(byName);
            case MOST_VERSIONS -> Comparator.comparing((AddonListing l) -> -l.versions().size()).thenComparing(byName);
        };
        sorted.setComparator(order);
    }

    private void rebuildCategories() {
        Map<String, Integer> counts = new TreeMap<>();
        catalog.listings().forEach(l -> counts.merge(l.category(), 1, Integer::sum));
        List<CategoryCount> all = new ArrayList<>(counts.size());
        counts.forEach((name, n) -> all.add(new CategoryCount(name, n)));
        if (!all.equals(categories)) {
            categories.setAll(all);
            // a category the reloaded catalog no longer has is unchecked: it would hide everything
            selectCategories(selectedCategories.stream().filter(counts::containsKey).toList());
        }
    }

    private void reselect() {
        AddonListing s = selected.get();
        if (s != null) {
            selected.set(catalog.find(s.id()).orElse(null));
        }
        updateDetails();
    }

    private void updateSummary() {
        int all = catalog.listings().size();
        summary.set(filtered.size() == all ? all + (all == 1 ? " addon" : " addons") : filtered.size() + " of " + all + " addons");
        if (all == 0) {
            emptyText.set("No addons to show: the catalog is not loaded. Connect to a server on the Servers page, or see "
                    + "the line under the title for why the catalog failed verification.");
        } else {
            String q = query.get() == null ? "" : query.get().trim();
            emptyText.set("No addon matches" + (q.isEmpty() ? "" : " “" + q + "”")
                    + (selectedCategories.isEmpty() ? ". Clear the search to see every addon."
                            : " in " + categoryText.get() + ". Clear the search or check other categories."));
        }
    }

    private void updateDetails() {
        AddonListing l = selected.get();
        if (l == null) {
            details.set(null);
            return;
        }
        ListingVersion v = Optional.ofNullable(selectedVersion.get()).flatMap(l::version).orElse(l.latest());
        List<String> versions = new ArrayList<>();
        for (int i = l.versions().size() - 1; i >= 0; i--) {
            ListingVersion x = l.versions().get(i);
            versions.add(x.version() + x.sizeBytes().map(b -> "  ·  " + Formats.bytes(b)).orElse("")
                    + x.changelog().map(c -> "  —  " + firstLine(c)).orElse(""));
        }
        List<String> deps = new ArrayList<>();
        v.requiresCore().ifPresent(c -> deps.add("NextPanel core " + c));
        for (Map.Entry<String, String> e : v.requiresAddons().entrySet()) {
            deps.add(e.getKey() + " " + e.getValue());
        }
        Badge badge = badge(l);
        Optional<String> installed = installedVersion(l);
        String signed = l.signedBy().isEmpty() ? "—" : String.join(", ", l.signedBy().stream().map(MarketplaceViewModel::shortKey).toList());
        details.set(new ListingDetails(l.id(), l.name(), l.category(), l.description(), badge, versions, v.changelog(), deps,
                v.permissions(), v.tables(), v.routes(), size(v.sizeBytes()), v.sha256(), signed, catalog.verificationProperty().get(),
                installed, installed.isEmpty(),
                installed.isPresent() && Versions.isNewer(v.version(), installed.get()), installed.isPresent()));
    }

    /** The first change of an entry, without its list marker. */
    private static String firstLine(String s) {
        String first = s.strip().lines().findFirst().orElse("");
        return first.replaceFirst("^([-*+]|\\d+\\.)\\s+", "");
    }

    /** "32.4 KB (33,145 bytes)": the exact count too, to compare with the file the agent downloads. */
    private static String size(Optional<Long> bytes) {
        return bytes.map(b -> b < 1024 ? Formats.bytes(b) : Formats.bytes(b) + String.format(Locale.ROOT, " (%,d bytes)", b))
                .orElse("—");
    }

    private static String shortKey(String keyId) {
        return keyId.length() > 16 ? keyId.substring(0, 16) + "…" : keyId;
    }
}
