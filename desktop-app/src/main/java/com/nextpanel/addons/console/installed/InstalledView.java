package com.nextpanel.addons.console.installed;

import com.nextpanel.addons.client.AddonState;
import com.nextpanel.addons.console.common.FxmlView;
import com.nextpanel.addons.console.common.Formats;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Installed page: a table of installed addons and the actions for the selected one. */
public final class InstalledView extends FxmlView {

    private final InstalledViewModel viewModel;

    @FXML private TableView<InstalledRow> table;
    @FXML private TableColumn<InstalledRow, String> nameColumn;
    @FXML private TableColumn<InstalledRow, String> idColumn;
    @FXML private TableColumn<InstalledRow, String> versionColumn;
    @FXML private TableColumn<InstalledRow, String> stateColumn;
    @FXML private TableColumn<InstalledRow, String> installedColumn;
    @FXML private TableColumn<InstalledRow, String> latestColumn;
    @FXML private Label summaryLabel;
    @FXML private Button updateButton;
    @FXML private Button toggleButton;
    @FXML private Button backupButton;
    @FXML private Button uninstallButton;

    public InstalledView(InstalledViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        table.setItems(viewModel.rows());
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        idColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        versionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().version()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state().name()));
        stateColumn.setCellFactory(c -> new BadgeCell());
        installedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.time(c.getValue().installedAt())));
        latestColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().latest().map(l -> c.getValue().updateAvailable() ? l + "  ⬆ update available" : l).orElse("—")));
        latestColumn.setCellFactory(c -> new BadgeCell());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.selectedProperty().set(b));
        viewModel.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            showActions(b);
        });
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        showActions(null);
    }

    private void showActions(InstalledRow row) {
        boolean none = row == null;
        updateButton.setDisable(none || !row.updateAvailable());
        toggleButton.setDisable(none);
        backupButton.setDisable(none);
        uninstallButton.setDisable(none);
        toggleButton.setText(!none && row.state() == AddonState.DISABLED ? "Enable" : "Disable");
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    @FXML
    private void onUpdate() {
        viewModel.updateSelected();
    }

    @FXML
    private void onToggle() {
        viewModel.toggleSelected();
    }

    @FXML
    private void onBackup() {
        viewModel.backupSelected();
    }

    @FXML
    private void onUninstall() {
        viewModel.uninstallSelected();
    }

    private static final class BadgeCell extends TableCell<InstalledRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("success", "danger", "warning", "accent");
            setText(empty ? null : item);
            if (!empty && item != null) {
                if (item.contains("update available")) {
                    getStyleClass().add("accent");
                } else if (item.equals("ENABLED")) {
                    getStyleClass().add("success");
                } else if (item.equals("FAILED")) {
                    getStyleClass().add("danger");
                } else if (item.equals("DISABLED")) {
                    getStyleClass().add("warning");
                }
            }
        }
    }
}
