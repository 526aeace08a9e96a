package com.nextpanel.addons.console.jobs;

import com.nextpanel.addons.client.JobState;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/** Jobs: the history of jobs, newest first, and the selected one's live steps, progress, log and rollback. */
public final class JobsViewModel {

    private final JobTracker tracker;
    private final ObjectProperty<JobProgress> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public JobsViewModel(JobTracker tracker) {
        this.tracker = tracker;
        javafx.beans.InvalidationListener follow = o -> updateSummary();
        selected.addListener((o, a, b) -> {
            if (a != null) {
                a.stateProperty().removeListener(follow);
                a.rollback().removeListener(follow);
            }
            if (b != null) {
                b.stateProperty().addListener(follow);
                b.rollback().addListener(follow);
            }
            updateSummary();
        });
        tracker.jobs().addListener((javafx.collections.ListChangeListener<JobProgress>) c -> {
            if (selected.get() == null && !tracker.jobs().isEmpty()) {
                selected.set(tracker.jobs().get(0));
            }
        });
    }

    public ObservableList<JobProgress> jobs() {
        return tracker.jobs();
    }

    public ObjectProperty<JobProgress> selectedProperty() {
        return selected;
    }

    /** One line under the title: what the selected job's final state means. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public void select(String jobId) {
        tracker.find(jobId).ifPresent(selected::set);
    }

    public void refreshHistory() {
        tracker.loadHistory();
    }

    private void updateSummary() {
        JobProgress j = selected.get();
        summary.set(j == null ? "No job selected." : describe(j.state(), j.rollback().size()));
    }

    public static String describe(JobState state, int undone) {
        return switch (state) {
            case QUEUED -> "Waiting for the job before it to finish.";
            case RUNNING -> "Running. Closing the console does not stop it.";
            case SUCCEEDED -> "Succeeded.";
            case FAILED -> "Failed before it changed anything.";
            case ROLLED_BACK -> "Failed and rolled back: " + undone + (undone == 1 ? " step was" : " steps were") + " undone, the server is as before.";
            case UNKNOWN -> "State unknown.";
        };
    }

    public Optional<JobProgress> selected() {
        return Optional.ofNullable(selected.get());
    }

    /** @return the style class for a job or step state: success, danger, warning or accent */
    public static String styleOf(String state) {
        String s = state == null ? "" : state.toUpperCase(java.util.Locale.ROOT);
        return switch (s) {
            case "SUCCEEDED", "DONE", "OK", "COMPLETED" -> "success";
            case "FAILED" -> "danger";
            case "ROLLED_BACK", "UNDONE" -> "warning";
            case "RUNNING" -> "accent";
            default -> "muted";
        };
    }
}
