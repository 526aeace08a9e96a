package com.nextpanel.addons.console;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.console.addonpages.AddonPageView;
import com.nextpanel.addons.console.addonpages.AddonPageViewModel;
import com.nextpanel.addons.console.addonpages.AddonPages;
import com.nextpanel.addons.console.backups.BackupsView;
import com.nextpanel.addons.console.backups.BackupsViewModel;
import com.nextpanel.addons.console.common.DialogService;
import com.nextpanel.addons.console.common.Navigator;
import com.nextpanel.addons.console.common.TaskExecutor;
import com.nextpanel.addons.console.installed.AddonActions;
import com.nextpanel.addons.console.installed.AddonInventory;
import com.nextpanel.addons.console.installed.InstalledView;
import com.nextpanel.addons.console.installed.InstalledViewModel;
import com.nextpanel.addons.console.jobs.JobTracker;
import com.nextpanel.addons.console.jobs.JobsView;
import com.nextpanel.addons.console.jobs.JobsViewModel;
import com.nextpanel.addons.console.marketplace.CatalogSource;
import com.nextpanel.addons.console.marketplace.MarketplaceCatalog;
import com.nextpanel.addons.console.marketplace.MarketplaceView;
import com.nextpanel.addons.console.marketplace.MarketplaceViewModel;
import com.nextpanel.addons.console.servers.AgentConnector;
import com.nextpanel.addons.console.servers.ServerSession;
import com.nextpanel.addons.console.servers.ServerStore;
import com.nextpanel.addons.console.servers.ServersView;
import com.nextpanel.addons.console.servers.ServersViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * The composition root: builds every service and view model once, wires their refreshes (a connection
 * loads the catalog and what is installed; a finished job refreshes what it changed), and makes the
 * pages on demand. The same wiring runs in the product and in the TestFX tests; only the connector,
 * the executor and the dialogs differ.
 */
public final class ConsoleContext {

    private final TaskExecutor executor;
    private final ServerSession session;
    private final MarketplaceCatalog catalog;
    private final AddonInventory inventory;
    private final JobTracker tracker;
    private final AddonPages addonPages;
    private final AddonActions actions;
    private final ServersViewModel serversViewModel;
    private final MarketplaceViewModel marketplaceViewModel;
    private final InstalledViewModel installedViewModel;
    private final JobsViewModel jobsViewModel;
    private final BackupsViewModel backupsViewModel;
    private final MainViewModel mainViewModel;
    private MainView mainView;

    public ConsoleContext(Path configDir, AgentConnector connector, CatalogSource catalogSource, TaskExecutor executor,
                          DialogService dialogs, Clock clock) {
        this.executor = executor;
        this.session = new ServerSession(new ServerStore(configDir), connector, executor, dialogs);
        Supplier<Optional<AgentApi>> api = session::api;
        this.catalog = new MarketplaceCatalog(catalogSource, api, executor);
        this.inventory = new AddonInventory(api, executor);
        this.tracker = new JobTracker(api, executor, clock);
        this.addonPages = new AddonPages(inventory, catalog);
        this.jobsViewModel = new JobsViewModel(tracker);
        Navigator navigator = jobId -> mainViewModel().showJob(jobId);
        this.actions = new AddonActions(api, executor, dialogs, tracker, navigator, id -> inventory.find(id)
                .flatMap(installed -> catalog.find(id).flatMap(l -> l.version(installed.version())))
                .map(com.nextpanel.addons.console.marketplace.ListingVersion::tables).orElse(java.util.List.of()));
        this.serversViewModel = new ServersViewModel(session, dialogs);
        this.marketplaceViewModel = new MarketplaceViewModel(catalog, inventory, actions);
        this.installedViewModel = new InstalledViewModel(inventory, catalog, actions);
        this.backupsViewModel = new BackupsViewModel(api, executor, dialogs, tracker, inventory);
        this.mainViewModel = new MainViewModel(session, addonPages, jobsViewModel);

        session.whenConnected(() -> {
            catalog.refresh();
            inventory.refresh();
            backupsViewModel.refresh();
            tracker.loadHistory();
            mainViewModel.show(NavEntry.MARKETPLACE);
        });
        // Another administrator, or curl, may have changed the server since: each page reads what it shows again
        // when it is opened (the installed list also decides which addon pages the sidebar has).
        mainViewModel.currentPageProperty().addListener((o, a, page) -> {
            inventory.refresh();
            if (NavEntry.BACKUPS.equals(page)) {
                backupsViewModel.refresh();
            }
        });
        session.whenKeptPrevious(() -> {
            inventory.refresh();
            backupsViewModel.refresh();
        });
        session.apiProperty().addListener((o, a, b) -> {
            if (b == null) {
                inventory.refresh();
            }
        });
        tracker.jobs().addListener((javafx.collections.ListChangeListener<com.nextpanel.addons.console.jobs.JobProgress>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(mainViewModel::jobStarted);
            }
        });
        tracker.whenEnded(job -> {
            mainViewModel.jobEnded(job);
            inventory.refresh();
            backupsViewModel.jobEnded(job);
            if (job.title().startsWith("Back up") || job.title().startsWith("Full backup") || job.title().startsWith("Restore")) {
                backupsViewModel.refresh();
            }
        });
    }

    public Parent mainWindow() {
        if (mainView == null) {
            mainView = new MainView(mainViewModel, this::page);
        }
        return mainView.root();
    }

    /** Builds the page for a sidebar key. */
    public Optional<Node> page(String key) {
        return switch (key) {
            case NavEntry.SERVERS -> Optional.of(new ServersView(serversViewModel).root());
            case NavEntry.MARKETPLACE -> Optional.of(new MarketplaceView(marketplaceViewModel).root());
            case NavEntry.INSTALLED -> Optional.of(new InstalledView(installedViewModel).root());
            case NavEntry.JOBS -> Optional.of(new JobsView(jobsViewModel).root());
            case NavEntry.BACKUPS -> Optional.of(new BackupsView(backupsViewModel).root());
            default -> addonPages.find(key).map(item -> {
                AddonPageViewModel vm = new AddonPageViewModel(item, session::api, executor);
                Node root = new AddonPageView(vm).root();
                vm.refresh();
                return root;
            });
        };
    }

    public ServerSession session() {
        return session;
    }

    public MainViewModel mainViewModel() {
        return mainViewModel;
    }

    public ServersViewModel serversViewModel() {
        return serversViewModel;
    }

    public MarketplaceViewModel marketplaceViewModel() {
        return marketplaceViewModel;
    }

    public InstalledViewModel installedViewModel() {
        return installedViewModel;
    }

    public JobsViewModel jobsViewModel() {
        return jobsViewModel;
    }

    public BackupsViewModel backupsViewModel() {
        return backupsViewModel;
    }

    public JobTracker tracker() {
        return tracker;
    }

    public AddonInventory inventory() {
        return inventory;
    }

    public MarketplaceCatalog catalog() {
        return catalog;
    }

    /** The install/update/uninstall flow every page uses. */
    public AddonActions actions() {
        return actions;
    }

    public AddonPages addonPages() {
        return addonPages;
    }
}
