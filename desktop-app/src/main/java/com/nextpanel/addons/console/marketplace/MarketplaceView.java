package com.nextpanel.addons.console.marketplace;

import com.nextpanel.addons.console.common.FxmlView;
import java.util.List;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.controlsfx.control.textfield.CustomTextField;
import javafx.scene.layout.VBox;
import java.util.ArrayList;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;

/** Marketplace page: search, category, sort, the cards, and the selected addon's details. */
public final class MarketplaceView extends FxmlView {

    static final double CARD_WIDTH = 262;
    static final double CARD_HEIGHT = 132;
    static final double CARD_GAP = 8;

    private final MarketplaceViewModel viewModel;
    private final ObservableList<List<AddonListing>> rows = FXCollections.observableArrayList();
    private int columns = 2;

    @FXML private CustomTextField searchField;
    @FXML private ComboBox<String> categoryBox;
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
        categoryBox.setItems(viewModel.categories());
        categoryBox.valueProperty().bindBidirectional(viewModel.categoryProperty());
        sortBox.getItems().setAll(SortOrder.values());
        sortBox.valueProperty().bindBidirectional(viewModel.sortProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        verificationLabel.textProperty().bind(viewModel.verificationProperty());
        viewModel.errorProperty().addListener((o, a, b) -> styleVerification(b != null));
        styleVerification(viewModel.errorProperty().get() != null);
        grid.setItems(rows);
        grid.setCellFactory(l -> new CardRowCell(viewModel));
        grid.setFixedCellSize(CARD_HEIGHT + CARD_GAP);
        grid.setFocusTraversable(false);
        viewModel.visibleListings().addListener((ListChangeListener<AddonListing>) c -> rebuildRows());
        grid.widthProperty().addListener((o, a, b) -> {
            int n = Math.max(1, (int) ((b.doubleValue() - 28) / (CARD_WIDTH + CARD_GAP)));
            if (n != columns) {
                columns = n;
                rebuildRows();
            }
        });
        rebuildRows();
        viewModel.detailsProperty().addListener((o, a, b) -> showDetails(b));
        showDetails(viewModel.detailsProperty().get());
    }

    /** The visible listings cut into rows of as many cards as the width holds. */
    private void rebuildRows() {
        List<AddonListing> all = viewModel.visibleListings();
        List<List<AddonListing>> out = new ArrayList<>((all.size() + columns - 1) / columns);
        for (int i = 0; i < all.size(); i += columns) {
            out.add(List.copyOf(all.subList(i, Math.min(all.size(), i + columns))));
        }
        rows.setAll(out);
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
        section(box, "Package", List.of("Size: " + d.size(), "Signed by: " + d.signedBy(), d.verification()));
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
