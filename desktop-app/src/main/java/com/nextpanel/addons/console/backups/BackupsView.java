package com.nextpanel.addons.console.backups;

import com.nextpanel.addons.client.BackupInfo;
import com.nextpanel.addons.console.common.FxmlView;
import com.nextpanel.addons.console.common.Formats;
import com.nextpanel.addons.console.jobs.JobProgress;
import com.nextpanel.addons.console.jobs.JobsViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/** Backups page: create, the list, restore; the running backup or restore shows live. */
public final class BackupsView extends FxmlView {

    private final BackupsViewModel viewModel;

    @FXML private ComboBox<String> scopeBox;
    @FXML private TableView<BackupInfo> table;
    @FXML private TableColumn<BackupInfo, String> timeColumn;
    @FXML private TableColumn<BackupInfo, String> idColumn;
    @FXML private TableColumn<BackupInfo, String> scopeColumn;
    @FXML private TableColumn<BackupInfo, String> sizeColumn;
    @FXML private TableColumn<BackupInfo, String> versionsColumn;
    @FXML private Button restoreButton;
    @FXML private HBox jobBox;
    @FXML private Label jobLabel;
    @FXML private ProgressBar jobProgress;

    public BackupsView(BackupsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        scopeBox.setItems(viewModel.scopes());
        scopeBox.valueProperty().bindBidirectional(viewModel.scopeProperty());
        table.setItems(viewModel.backups());
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.time(c.getValue().createdAt())));
        idColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().backupId()));
        scopeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().scope() + c.getValue().addonId().filter(a -> !a.isBlank()).map(a -> " · " + a).orElse("")));
        sizeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Formats.bytes(c.getValue().sizeBytes())));
        versionsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(BackupsViewModel.versionsOf(c.getValue())));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> viewModel.selectedProperty().set(b));
        restoreButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        jobBox.visibleProperty().bind(viewModel.activeJobProperty().isNotNull());
        jobBox.managedProperty().bind(jobBox.visibleProperty());
        viewModel.activeJobProperty().addListener((o, a, b) -> showJob(b));
    }

    private void showJob(JobProgress job) {
        if (job == null) {
            return;
        }
        jobProgress.progressProperty().bind(job.progressProperty());
        jobLabel.textProperty().bind(Bindings.createStringBinding(
                () -> job.title() + ": " + JobsViewModel.describe(job.state(), job.rollback().size()), job.stateProperty()));
    }

    @FXML
    private void onCreate() {
        viewModel.create();
    }

    @FXML
    private void onRestore() {
        viewModel.restore();
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }
}
