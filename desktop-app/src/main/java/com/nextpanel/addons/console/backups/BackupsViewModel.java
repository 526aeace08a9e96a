package com.nextpanel.addons.console.backups;

import com.nextpanel.addons.client.AddonInfo;
import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.BackupInfo;
import com.nextpanel.addons.client.BackupRequest;
import com.nextpanel.addons.console.common.BackgroundTask;
import com.nextpanel.addons.console.common.Confirmation;
import com.nextpanel.addons.console.common.DialogService;
import com.nextpanel.addons.console.common.Formats;
import com.nextpanel.addons.console.common.TaskExecutor;
import com.nextpanel.addons.console.common.UserError;
import com.nextpanel.addons.console.installed.AddonInventory;
import com.nextpanel.addons.console.jobs.JobProgress;
import com.nextpanel.addons.console.jobs.JobTracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** Backups: the list (time, scope, size, versions), create (full or one addon), restore with a confirmation. */
public final class BackupsViewModel {

    public static final String FULL = "Full backup (database, addons, registry)";

    private final Supplier<Optional<AgentApi>> api;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final JobTracker tracker;
    private final ObservableList<BackupInfo> backups = FXCollections.observableArrayList();
    private final ObservableList<String> scopes = FXCollections.observableArrayList(FULL);
    private final ObjectProperty<String> scope = new SimpleObjectProperty<>(FULL);
    private final ObjectProperty<BackupInfo> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<JobProgress> activeJob = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();

    public BackupsViewModel(Supplier<Optional<AgentApi>> api, TaskExecutor executor, DialogService dialogs,
                            JobTracker tracker, AddonInventory inventory) {
        this.api = api;
        this.executor = executor;
        this.dialogs = dialogs;
        this.tracker = tracker;
        inventory.installed().addListener((ListChangeListener<AddonInfo>) c -> {
            List<String> s = new ArrayList<>();
            s.add(FULL);
            inventory.installed().forEach(a -> s.add(a.id()));
            String keep = scope.get();
            scopes.setAll(s);
            scope.set(s.contains(keep) ? keep : FULL);
        });
    }

    public ObservableList<BackupInfo> backups() {
        return backups;
    }

    public ObservableList<String> scopes() {
        return scopes;
    }

    /** {@link #FULL} or an addon id. */
    public ObjectProperty<String> scopeProperty() {
        return scope;
    }

    public ObjectProperty<BackupInfo> selectedProperty() {
        return selected;
    }

    /** The backup or restore job started from this page, followed live. */
    public ReadOnlyObjectProperty<JobProgress> activeJobProperty() {
        return activeJob.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void refresh() {
        Optional<AgentApi> a = api.get();
        if (a.isEmpty()) {
            backups.clear();
            return;
        }
        BackgroundTask.wrap(() -> a.get().backups())
                .onSuccess(list -> {
                    List<BackupInfo> sorted = new ArrayList<>(list);
                    sorted.sort(Comparator.comparing((BackupInfo b) -> b.createdAt().orElse(java.time.Instant.EPOCH)).reversed());
                    backups.setAll(sorted);
                    error.set(null);
                })
                .onFailure(e -> error.set(UserError.of("Reading backups", e)))
                .executeWith(executor);
    }

    public void create() {
        String s = scope.get() == null ? FULL : scope.get();
        BackupRequest request = FULL.equals(s) ? BackupRequest.full() : BackupRequest.addon(s);
        start(FULL.equals(s) ? "Full backup" : "Back up " + s, () -> agent().createBackup(request));
    }

    public void restore() {
        BackupInfo b = selected.get();
        if (b == null) {
            return;
        }
        List<String> details = new ArrayList<>();
        details.add("Backup " + b.backupId() + " taken " + Formats.time(b.createdAt()));
        if ("full".equalsIgnoreCase(b.scope())) {
            details.add("Replaces the whole database, every addon and the registry with what the backup holds.");
            details.add("Addons installed since are removed; rows written since are lost.");
        } else {
            details.add("Replaces " + b.addonId().orElse("the addon") + "'s tables, rows and files with the backup's.");
        }
        for (Map.Entry<String, String> e : b.versions().entrySet()) {
            details.add("  " + e.getKey() + " " + e.getValue());
        }
        Confirmation c = Confirmation.simple("Restore this backup?", "Restore backup " + b.backupId() + "?", details, "Restore")
                .asDestructive();
        if (dialogs.confirm(c).confirmed()) {
            start("Restore " + b.backupId(), () -> agent().restore(b.backupId()));
        }
    }

    /** Whether a job from this page ended; the list is refreshed. Called by the tracker's end listener. */
    public void jobEnded(JobProgress job) {
        if (activeJob.get() == job) {
            refresh();
        }
    }

    private void start(String title, Callable<String> call) {
        BackgroundTask.wrap(call)
                .onSuccess(jobId -> activeJob.set(tracker.follow(jobId, title)))
                .onFailure(e -> dialogs.showError(UserError.of(title, e)))
                .executeWith(executor);
    }

    private AgentApi agent() {
        return api.get().orElseThrow(() -> new IllegalStateException("Not connected to a server. Connect in Servers first."));
    }

    public static String versionsOf(BackupInfo b) {
        return String.join(", ", b.versions().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }
}
