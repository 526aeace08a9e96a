package com.nextpanel.addons.console.installed;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.BackupRequest;
import com.nextpanel.addons.client.PlanAction;
import com.nextpanel.addons.client.PlanRequest;
import com.nextpanel.addons.client.PlanView;
import com.nextpanel.addons.client.PlannedAddon;
import com.nextpanel.addons.console.common.BackgroundTask;
import com.nextpanel.addons.console.common.Confirmation;
import com.nextpanel.addons.console.common.ConfirmationResult;
import com.nextpanel.addons.console.common.DialogService;
import com.nextpanel.addons.console.common.Navigator;
import com.nextpanel.addons.console.common.TaskExecutor;
import com.nextpanel.addons.console.common.UserError;
import com.nextpanel.addons.console.jobs.JobTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Install, update, uninstall, disable, enable and back up an addon, the same way from every page:
 * first the plan from {@code POST /agent/v1/plan} (what comes along, what is created or removed, which
 * permissions are granted), then a confirmation, then the job, followed live on the Jobs page.
 */
public final class AddonActions {

    private final Supplier<Optional<AgentApi>> api;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final JobTracker tracker;
    private final Navigator navigator;
    private final Function<String, List<String>> installedTables;

    public AddonActions(Supplier<Optional<AgentApi>> api, TaskExecutor executor, DialogService dialogs, JobTracker tracker,
                        Navigator navigator) {
        this(api, executor, dialogs, tracker, navigator, id -> List.of());
    }

    /**
     * @param installedTables the tables an installed addon's migrations created (by id), from the signed summary
     *                        of its installed version; names the tables when the agent's plan says only
     *                        {@code addon_<id>.*}
     */
    public AddonActions(Supplier<Optional<AgentApi>> api, TaskExecutor executor, DialogService dialogs, JobTracker tracker,
                        Navigator navigator, Function<String, List<String>> installedTables) {
        this.installedTables = installedTables;
        this.api = api;
        this.executor = executor;
        this.dialogs = dialogs;
        this.tracker = tracker;
        this.navigator = navigator;
    }

    public void install(String id, Optional<String> version) {
        withPlan(PlanRequest.of(PlanAction.INSTALL, id, version.orElse(null)), plan -> {
            List<String> details = new ArrayList<>();
            for (PlannedAddon a : plan.addons()) {
                details.add((a.dependency() ? "Installs dependency " : "Installs ") + a.id() + " " + a.version());
            }
            describeChanges(plan, plan.tables(), details, "Creates table ", "Adds route ");
            for (String p : plan.permissions()) {
                details.add("Grants permission " + p);
            }
            String v = plan.version().or(() -> version).map(x -> " " + x).orElse("");
            ConfirmationResult answer = dialogs.confirm(Confirmation.simple("Install " + id + "?",
                    "Install " + id + v + " on this server?", details, "Install"));
            if (answer.confirmed()) {
                start("Install " + id + v, () -> agent().install(id, version));
            }
        });
    }

    public void update(String id, Optional<String> version) {
        withPlan(PlanRequest.of(PlanAction.UPDATE, id, version.orElse(null)), plan -> {
            List<String> details = new ArrayList<>();
            for (PlannedAddon a : plan.addons()) {
                details.add((a.dependency() ? "Also updates " : "Updates ") + a.id()
                        + a.fromVersion().map(f -> " " + f + " →").orElse("") + " " + a.version());
            }
            // the installed version's tables stay (its migrations carry them forward): only new ones are created
            List<String> had = plan.addons().stream().filter(a -> a.fromVersion().isPresent())
                    .flatMap(a -> installedTables.apply(a.id()).stream().map(t -> "addon_" + a.id() + "." + t)).toList();
            plan.tables().stream().map(t -> (had.contains(t) ? "Migrates table " : "Creates table ") + t).forEach(details::add);
            describeChanges(plan, List.of(), details, "", "Serves route ");
            for (String p : plan.permissions()) {
                details.add("Grants permission " + p);
            }
            String v = plan.version().or(() -> version).map(x -> " to " + x).orElse("");
            ConfirmationResult answer = dialogs.confirm(Confirmation.simple("Update " + id + "?",
                            "Update " + id + v + "? If anything fails it rolls back on its own.", details, "Update")
                    .withCheckbox("Back up first (restored automatically if the update fails)", true));
            if (answer.confirmed()) {
                boolean backup = answer.checked();
                start("Update " + id + v, () -> agent().update(id, version, backup));
            }
        });
    }

    public void uninstall(String id) {
        withPlan(PlanRequest.of(PlanAction.UNINSTALL, id), plan -> {
            List<String> details = new ArrayList<>();
            for (PlannedAddon a : plan.addons()) {
                if (!a.id().equals(id)) {
                    details.add("Also removes " + a.id() + " " + a.version());
                }
            }
            describeChanges(plan, namedTables(plan), details, "Drops table ", "Removes route ");
            details.add("Deletes its code and files, and its registry entry.");
            if (plan.rows() > 0) {
                details.add("The tables hold " + plan.rows() + " rows; they are gone afterwards unless you back up first.");
            }
            Confirmation c = Confirmation.simple("Uninstall " + id + "?",
                    "Uninstall " + id + " and remove everything it added?", details, "Uninstall").asDestructive();
            if (plan.mayHoldData()) {
                c = c.requiringTyped(id);
            }
            if (dialogs.confirm(c).confirmed()) {
                start("Uninstall " + id, () -> agent().uninstall(id));
            }
        });
    }

    public void disable(String id) {
        Confirmation c = Confirmation.simple("Disable " + id + "?", "Disable " + id + "?",
                List.of("Its routes and code are taken out.", "Its tables and rows stay; enable brings it back."), "Disable");
        if (dialogs.confirm(c).confirmed()) {
            start("Disable " + id, () -> agent().disable(id));
        }
    }

    public void enable(String id) {
        start("Enable " + id, () -> agent().enable(id));
    }

    public void backup(String id) {
        start("Back up " + id, () -> agent().createBackup(BackupRequest.addon(id)));
    }

    /** Starts a job through {@code call}, follows it and shows it. Failures to start become a dialog. */
    public void start(String title, Callable<String> call) {
        BackgroundTask.wrap(call)
                .onSuccess(jobId -> {
                    tracker.follow(jobId, title);
                    navigator.showJob(jobId);
                })
                .onFailure(e -> dialogs.showError(UserError.of(title, e)))
                .executeWith(executor);
    }

    private void withPlan(PlanRequest request, java.util.function.Consumer<PlanView> then) {
        String doing = "Planning to " + request.action().wireName() + " " + request.id();
        BackgroundTask.wrap(() -> agent().plan(request))
                .onSuccess(then)
                .onFailure(e -> dialogs.showError(UserError.of(doing, e)))
                .executeWith(executor);
    }

    /** The plan's tables, with a whole schema ({@code addon_<id>.*}) spelled out table by table where known. */
    private List<String> namedTables(PlanView plan) {
        List<String> out = new ArrayList<>();
        for (String table : plan.tables()) {
            if (!table.endsWith(".*")) {
                out.add(table);
                continue;
            }
            String schema = table.substring(0, table.length() - 2);
            List<String> known = plan.addons().stream().filter(a -> schema.equals("addon_" + a.id())).findFirst()
                    .map(a -> installedTables.apply(a.id())).orElse(List.of());
            if (known.isEmpty()) {
                out.add("every table in schema " + schema);
            } else {
                known.forEach(t -> out.add(schema + "." + t));
            }
        }
        return out;
    }

    private static void describeChanges(PlanView plan, List<String> tables, List<String> details, String tablePrefix,
                                        String routePrefix) {
        Function<String, String> t = s -> (s.startsWith("every table") ? "Drops " : tablePrefix) + s;
        tables.stream().map(t).forEach(details::add);
        plan.routes().stream().map(r -> routePrefix + r).forEach(details::add);
        if (plan.backup()) {
            details.add("Takes a backup first.");
        }
        plan.warnings().forEach(w -> details.add("Note: " + w));
    }

    private AgentApi agent() {
        return api.get().orElseThrow(() -> new IllegalStateException("Not connected to a server. Connect in Servers first."));
    }
}
