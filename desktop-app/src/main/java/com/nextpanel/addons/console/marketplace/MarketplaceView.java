package com.nextpanel.addons.console.marketplace;

import com.nextpanel.addons.console.common.FxmlView;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;

/** Marketplace page: search, categories, sort, the cards, and the selected addon's details. */
public final class MarketplaceView extends FxmlView {

    static final double CARD_WIDTH = 262;
    /** Tall enough for two lines of description under the icon and name. */
    static final double CARD_HEIGHT = 150;
    static final double CARD_GAP = 8;

    private final MarketplaceViewModel viewModel;
    private final CardRows rows = new CardRows();
    private int columns = 2;
    /** Set while the view puts the view model's categories into the control, so that doing so is not read back as a click. */
    private boolean syncingCategories;

    @FXML private CustomTextField searchField;
    @FXML private CheckComboBox<CategoryCount> categoryBox;
    @FXML private ComboBox<SortOrder> sortBox;
    @FXML private Label summaryLabel;
    @FXML private Label verificationLabel;
    @FXML private ListView<List<AddonListing>> grid;
    @FXML private VBox detailsBox;
    @FXML private Label detailsPlaceholder;

    public MarketplaceView(MarketplaceViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.queryProperty());
        bindCategories();
        sortBox.getItems().setAll(SortOrder.values());
        sortBox.valueProperty().bindBidirectional(viewModel.sortProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        verificationLabel.textProperty().bind(viewModel.verificationProperty());
        viewModel.errorProperty().addListener((o, a, b) -> styleVerification(b != null));
        styleVerification(viewModel.errorProperty().get() != null);
        grid.setItems(rows);
        Label empty = new Label();
        empty.setId("marketEmptyLabel");
        empty.setWrapText(true);
        empty.getStyleClass().add("text-muted");
        empty.textProperty().bind(viewModel.emptyTextProperty());
        grid.setPlaceholder(empty);
        grid.setCellFactory(l -> new CardRowCell(viewModel));
        grid.setFixedCellSize(CARD_HEIGHT + CARD_GAP);
        grid.setFocusTraversable(false);
        viewModel.visibleListings().addListener((ListChangeListener<AddonListing>) c -> rows.show(viewModel.visibleListings(), columns));
        grid.widthProperty().addListener((o, a, b) -> {
            int n = Math.max(1, (int) ((b.doubleValue() - 28) / (CARD_WIDTH + CARD_GAP)));
            if (n != columns) {
                columns = n;
                rows.show(viewModel.visibleListings(), columns);
            }
        });
        rows.show(viewModel.visibleListings(), columns);
        viewModel.detailsProperty().addListener((o, a, b) -> showDetails(b));
        showDetails(viewModel.detailsProperty().get());
    }

    /**
     * ControlsFX's check combo: the items read "Support (12)", the field says what is checked ("All categories" when
     * nothing is). The field's text is the title, which the skin reads when the checks change: the listener below is
     * registered before the skin exists, so the view model has set the new title by the time the skin asks for it.
     */
    private void bindCategories() {
        categoryBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(CategoryCount c) {
                return c == null ? "" : c.label();
            }

            @Override
            public CategoryCount fromString(String s) {
                throw new UnsupportedOperationException("the category filter is not editable");
            }
        });
        categoryBox.titleProperty().bind(viewModel.categoryTextProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(viewModel.categoryTextProperty());
        categoryBox.setTooltip(tip);
        categoryBox.getCheckModel().getCheckedIndices().addListener((ListChangeListener<Integer>) c -> {
            if (!syncingCategories) {
                List<String> names = new ArrayList<>();
                for (Integer i : categoryBox.getCheckModel().getCheckedIndices()) {
                    names.add(categoryBox.getItems().get(i).name());
                }
                viewModel.selectCategories(names);
            }
        });
        viewModel.categories().addListener((ListChangeListener<CategoryCount>) c -> showCategories());
        viewModel.categoryTextProperty().addListener((o, a, b) -> showChecks());
        showCategories();
    }

    private void showCategories() {
        syncingCategories = true;
        try {
            categoryBox.getCheckModel().clearChecks();
            categoryBox.getItems().setAll(viewModel.categories());
        } finally {
            syncingCategories = false;
        }
        showChecks();
    }

    private void showChecks() {
        syncingCategories = true;
        try {
            for (CategoryCount c : categoryBox.getItems()) {
                boolean wanted = viewModel.selectedCategories().contains(c.name());
                if (wanted != categoryBox.getCheckModel().isChecked(c)) {
                    if (wanted) {
                        categoryBox.getCheckModel().check(c);
                    } else {
                        categoryBox.getCheckModel().clearCheck(c);
                    }
                }
            }
        } finally {
            syncingCategories = false;
        }
    }

    private void styleVerification(boolean failed) {
        verificationLabel.getStyleClass().removeAll("success", "danger");
        verificationLabel.getStyleClass().add(failed ? "danger" : "success");
    }

    private void showDetails(ListingDetails d) {
        detailsBox.getChildren().clear();
        if (d == null) {
            detailsBox.getChildren().add(detailsPlaceholder);
            return;
        }
        Label title = new Label(d.name());
        title.getStyleClass().add("title-3");
        title.setId("detailsTitle");
        Label sub = new Label(d.category() + "  ·  " + d.id()
                + d.installedVersion().map(v -> "  ·  installed " + v).orElse(""));
        sub.getStyleClass().add("text-muted");
        Label desc = new Label(d.description().isBlank() ? "No description." : d.description());
        desc.setWrapText(true);

        ComboBox<String> version = new ComboBox<>();
        version.setId("versionBox");
        version.getItems().setAll(viewModel.selectedProperty().get() == null ? List.of()
                : viewModel.selectedProperty().get().versions().stream().map(ListingVersion::version).toList());
        version.setValue(viewModel.selectedVersionProperty().get());
        version.valueProperty().addListener((o, a, b) -> viewModel.selectedVersionProperty().set(b));
        Button install = button("Install", "installButton", "accent", d.canInstall(), viewModel::install);
        Button update = button("Update", "marketUpdateButton", "accent", d.canUpdate(), viewModel::update);
        Button uninstall = button("Uninstall", "marketUninstallButton", "danger", d.canUninstall(), viewModel::uninstall);
        HBox actions = new HBox(8, version, install, update, uninstall);

        VBox box = detailsBox;
        box.getChildren().addAll(title, sub, desc, actions);
        section(box, "Versions", d.versions());
        d.changelog().ifPresent(c -> section(box, "Changelog", c.lines().filter(l -> !l.isBlank())
                .map(l -> l.replaceFirst("^\\s*[-*+]\\s+", "•  ")).toList()));
        section(box, "Dependencies", d.dependencies().isEmpty() ? List.of("None") : d.dependencies());
        section(box, "Permissions requested", d.permissions().isEmpty() ? List.of("None declared") : d.permissions());
        section(box, "Tables it adds", d.tables().isEmpty() ? List.of("None declared") : d.tables());
        section(box, "Routes it adds", d.routes().isEmpty() ? List.of("None declared") : d.routes());
        String shown = viewModel.selectedVersionProperty().get();
        section(box, shown == null ? "Package" : "Package " + d.id() + "-" + shown + ".zip", List.of("Size: " + d.size()));
        box.getChildren().add(sha256Line(d));
        for (String line : List.of("Signed by: " + d.signedBy(), d.verification())) {
            Label l = new Label(line);
            l.setWrapText(true);
            box.getChildren().add(l);
        }
    }

    /**
     * The package's SHA-256 from the verified catalog target, shortened, the full value in the tooltip and behind the
     * copy button: what an administrator compares with the hash of the file the agent downloaded.
     */
    private static Node sha256Line(ListingDetails d) {
        Label key = new Label("SHA-256:");
        if (d.sha256().isEmpty()) {
            Label none = new Label("not in the agent's listing (start the console with --catalog and --trust-root to verify "
                    + "the signed catalog itself and see it)");
            none.setId("detailsSha256");
            none.setWrapText(true);
            none.getStyleClass().add("text-muted");
            return new HBox(6, key, none);
        }
        String full = d.sha256().get();
        Label hash = new Label(d.sha256Short().orElse(full));
        hash.setId("detailsSha256");
        hash.getStyleClass().add("monospace");
        hash.setUserData(full);
        hash.setTooltip(new Tooltip(full));
        Button copy = new Button(null, new FontIcon("fth-copy"));
        copy.setId("copySha256Button");
        copy.getStyleClass().addAll("flat", "small");
        copy.setTooltip(new Tooltip("Copy the full SHA-256"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(full);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox line = new HBox(6, key, hash, copy);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static void section(VBox box, String heading, List<String> lines) {
        Label h = new Label(heading);
        h.getStyleClass().add("section-heading");
        VBox.setMargin(h, new Insets(8, 0, 0, 0));
        box.getChildren().add(h);
        for (String line : lines) {
            Label l = new Label(line);
            l.setWrapText(true);
            box.getChildren().add(l);
        }
    }

    private static Button button(String text, String id, String style, boolean enabled, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(style);
        b.setDisable(!enabled);
        b.setOnAction(e -> action.run());
        return b;
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    Node grid() {
        return grid;
    }
}
