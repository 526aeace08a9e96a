package com.nextpanel.addons.console.jobs;

import com.nextpanel.addons.console.common.Formats;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.console.common.FxmlView;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Jobs page: history on the left, the selected job live on the right. */
public final class JobsView extends FxmlView {

    private final JobsViewModel viewModel;
    private final ChangeListener<JobState> stateListener;

    @FXML private ListView<JobProgress> jobList;
    @FXML private Label titleLabel;
    @FXML private Label stateLabel;
    @FXML private Label summaryLabel;
    @FXML private Label connectionLabel;
    @FXML private ProgressBar progressBar;
    @FXML private TableView<StepRow> stepTable;
    @FXML private TableColumn<StepRow, String> stepNameColumn;
    @FXML private TableColumn<StepRow, String> stepStateColumn;
    @FXML private TableColumn<StepRow, String> stepDurationColumn;
    @FXML private TableColumn<StepRow, String> stepMessageColumn;
    @FXML private VBox rollbackBox;
    @FXML private ListView<String> rollbackList;
    @FXML private ListView<String> logList;
    @FXML private VBox detailPane;

    public JobsView(JobsViewModel viewModel) {
        this.viewModel = viewModel;
        this.stateListener = (o, a, b) -> showState(b);
    }

    @FXML
    private void initialize() {
        jobList.setItems(viewModel.jobs());
        jobList.setCellFactory(list -> new JobCell());
        jobList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                viewModel.selectedProperty().set(b);
            }
        });
        stepNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        stepStateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        stepStateColumn.setCellFactory(c -> new StateCell());
        stepDurationColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().duration().map(Formats::duration).orElse("")));
        stepMessageColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        connectionLabel.managedProperty().bind(connectionLabel.textProperty().isNotEmpty());
        connectionLabel.visibleProperty().bind(connectionLabel.managedProperty());
        viewModel.selectedProperty().addListener((o, a, b) -> show(a, b));
        show(null, viewModel.selectedProperty().get());
    }

    private void show(JobProgress before, JobProgress job) {
        if (before != null) {
            before.stateProperty().removeListener(stateListener);
        }
        detailPane.setDisable(job == null);
        if (job == null) {
            titleLabel.setText("No jobs yet");
            stateLabel.setText("");
            stepTable.setItems(FXCollections.observableArrayList());
            rollbackList.setItems(FXCollections.observableArrayList());
            logList.setItems(FXCollections.observableArrayList());
            progressBar.progressProperty().unbind();
            progressBar.setProgress(0);
            connectionLabel.textProperty().unbind();
            connectionLabel.setText("");
            rollbackBox.visibleProperty().unbind();
            rollbackBox.setVisible(false);
            return;
        }
        if (jobList.getSelectionModel().getSelectedItem() != job) {
            jobList.getSelectionModel().select(job);
        }
        titleLabel.setText(job.title() + "  ·  " + job.jobId());
        stepTable.setItems(job.steps());
        rollbackList.setItems(job.rollback());
        logList.setItems(job.log());
        progressBar.progressProperty().bind(job.progressProperty());
        connectionLabel.textProperty().bind(job.connectionProperty());
        rollbackBox.visibleProperty().bind(Bindings.isNotEmpty(job.rollback()));
        rollbackBox.managedProperty().bind(rollbackBox.visibleProperty());
        job.stateProperty().addListener(stateListener);
        showState(job.state());
    }

    private void showState(JobState state) {
        stateLabel.setText(state.name().replace('_', ' '));
        stateLabel.getStyleClass().removeAll("success", "danger", "warning", "accent", "muted");
        stateLabel.getStyleClass().add(JobsViewModel.styleOf(state.name()));
    }

    private static final class StateCell extends TableCell<StepRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("success", "danger", "warning", "accent", "muted");
            if (empty || item == null) {
                setText(null);
            } else {
                setText(item);
                getStyleClass().add(JobsViewModel.styleOf(item));
            }
        }
    }

    private static final class JobCell extends ListCell<JobProgress> {
        private final ChangeListener<JobState> refresh = (o, a, b) -> updateText();
        private JobProgress shown;

        @Override
        protected void updateItem(JobProgress item, boolean empty) {
            super.updateItem(item, empty);
            if (shown != null) {
                shown.stateProperty().removeListener(refresh);
            }
            shown = empty ? null : item;
            if (shown != null) {
                shown.stateProperty().addListener(refresh);
            }
            updateText();
        }

        private void updateText() {
            setText(shown == null ? null : shown.title() + "\n" + shown.state().name().replace('_', ' ')
                    + "  ·  " + Formats.time(shown.startedAt()));
        }
    }
}
