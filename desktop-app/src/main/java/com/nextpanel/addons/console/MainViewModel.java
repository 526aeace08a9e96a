package com.nextpanel.addons.console;

import com.nextpanel.addons.console.addonpages.AddonPages;
import com.nextpanel.addons.console.addonpages.NavItem;
import com.nextpanel.addons.console.common.Navigator;
import com.nextpanel.addons.console.common.Theme;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.console.jobs.JobProgress;
import com.nextpanel.addons.console.jobs.JobsViewModel;
import com.nextpanel.addons.console.servers.ConnectionState;
import com.nextpanel.addons.console.servers.ServerProfile;
import com.nextpanel.addons.console.servers.ServerSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The main window: the sidebar (built-in pages, then the pages installed addons declare, grouped under
 * their parent), the page shown, the window title and status bar (which server, reachable or not), the theme.
 */
public final class MainViewModel implements Navigator {

    private final ServerSession session;
    private final AddonPages addonPages;
    private final JobsViewModel jobs;
    private final ObservableList<NavEntry> navigation = FXCollections.observableArrayList();
    private final ObjectProperty<String> currentPage = new SimpleObjectProperty<>(NavEntry.SERVERS);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper activity = new ReadOnlyDoubleWrapper(0);
    private JobProgress running;

    /**
     * A finished job, announced without a dialog (the Jobs page has the details).
     *
     * @param succeeded false for {@code FAILED} and {@code ROLLED_BACK}
     */
    public record Notice(String jobId, String text, boolean succeeded) {
    }

    public MainViewModel(ServerSession session, AddonPages addonPages, JobsViewModel jobs) {
        this.session = session;
        this.addonPages = addonPages;
        this.jobs = jobs;
        addonPages.items().addListener((ListChangeListener<NavItem>) c -> rebuildNavigation());
        session.currentProperty().addListener(o -> updateTitle());
        session.stateProperty().addListener(o -> updateTitle());
        session.detailProperty().addListener(o -> updateTitle());
        rebuildNavigation();
        updateTitle();
    }

    public ObservableList<NavEntry> navigation() {
        return navigation;
    }

    public ObjectProperty<String> currentPageProperty() {
        return currentPage;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last finished job not on screen; {@code null} when there is none to announce. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The running job's progress for the status bar: 0 when none runs, -1 while its progress is unknown. */
    public ReadOnlyDoubleProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** A job this console started (or follows) runs: the status bar shows its progress. */
    public void jobStarted(JobProgress job) {
        if (job.isEnded()) {
            return;
        }
        running = job;
        activity.bind(job.progressProperty());
    }

    public void jobEnded(JobProgress job) {
        if (job == running) {
            activity.unbind();
            activity.set(0);
            running = null;
        }
        JobState s = job.state();
        String outcome = switch (s) {
            case SUCCEEDED -> "succeeded";
            case ROLLED_BACK -> "failed and was rolled back (" + job.rollback().size() + " steps undone)";
            case FAILED -> "failed; nothing was changed";
            default -> s.name().toLowerCase(java.util.Locale.ROOT);
        };
        if (!NavEntry.JOBS.equals(currentPage.get()) || jobs.selected().filter(j -> j.jobId().equals(job.jobId())).isEmpty()) {
            // announced unless it is the job on screen already
            notice.set(new Notice(job.jobId(), job.title() + " " + outcome, s == JobState.SUCCEEDED));
        }
    }

    public ConnectionState connectionState() {
        return session.stateProperty().get();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return session.stateProperty();
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public void show(String key) {
        currentPage.set(key);
    }

    @Override
    public void showJob(String jobId) {
        if (notice.get() != null && notice.get().jobId().equals(jobId)) {
            notice.set(null); // it is on screen now
        }
        jobs.select(jobId);
        currentPage.set(NavEntry.JOBS);
    }

    public Optional<NavItem> addonPage(String key) {
        return addonPages.find(key);
    }

    private void rebuildNavigation() {
        List<NavEntry> out = new ArrayList<>();
        out.add(new NavEntry(NavEntry.SERVERS, "Servers", "fth-server", Optional.empty()));
        out.add(new NavEntry(NavEntry.MARKETPLACE, "Marketplace", "fth-shopping-bag", Optional.empty()));
        out.add(new NavEntry(NavEntry.INSTALLED, "Installed", "fth-package", Optional.empty()));
        out.add(new NavEntry(NavEntry.JOBS, "Jobs", "fth-activity", Optional.empty()));
        out.add(new NavEntry(NavEntry.BACKUPS, "Backups", "fth-archive", Optional.empty()));
        List<NavItem> items = new ArrayList<>(addonPages.items());
        items.sort(Comparator.comparing(NavItem::parent).thenComparing(NavItem::title));
        for (NavItem i : items) {
            String icon = i.icon().isBlank() ? "fth-layout" : (i.icon().startsWith("fth-") ? i.icon() : "fth-" + i.icon());
            out.add(new NavEntry(i.key(), i.title(), icon, Optional.of(i.parent())));
        }
        navigation.setAll(out);
        if (navigation.stream().noneMatch(n -> n.key().equals(currentPage.get()))) {
            currentPage.set(NavEntry.INSTALLED);
        }
    }

    private void updateTitle() {
        ServerProfile p = session.currentProperty().get();
        ConnectionState s = session.stateProperty().get();
        windowTitle.set("NextPanel Addons" + (p == null ? "" : " — " + p.name()));
        String detail = session.detailProperty().get();
        status.set(p == null ? "Not connected — add or choose a server in Servers"
                : p.name() + " (" + p.url() + ") — " + s.label()
                        + (s != ConnectionState.CONNECTED && detail != null && !detail.isBlank() && !detail.equals(p.url()) ? ": " + detail : ""));
    }
}
