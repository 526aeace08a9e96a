package com.nextpanel.addons.agent.install;

import static com.nextpanel.addons.agent.install.StepBase.rec;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobPlan;
import com.nextpanel.addons.agent.jobs.JobPlanner;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.Step;
import com.nextpanel.addons.agent.registry.AddonState;
import com.nextpanel.addons.agent.registry.InstalledAddon;
import com.nextpanel.addons.agent.registry.RegistryRow;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans install, update, uninstall, disable and enable: checks against the registry, the verified catalog and
 * the route table, then the steps of ARCHITECTURE.md ("How an install runs"). Also answers
 * {@code POST /agent/v1/plan} with the same checks, changing nothing.
 */
public final class InstallPlanner implements JobPlanner, PlanService {

    private final InstallSteps steps;
    private final DependencyResolver resolver;
    private final UpdateBackups updateBackups;

    public InstallPlanner(InstallSteps steps, String coreVersion, UpdateBackups updateBackups) {
        this.steps = steps;
        this.updateBackups = updateBackups;
        this.resolver = new DependencyResolver(coreVersion);
    }

    @Override
    public void check(JobRequest request) {
        switch (request.action()) {
            case INSTALL, UPDATE -> checkRequested(request.action(), request.addonId(), request.version());
            case UNINSTALL, DISABLE, ENABLE -> checkInstalled(request.action(), request.addonId());
            default -> throw new AgentException(ErrorCode.BAD_REQUEST, "the install planner does not "
                    + request.action().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @Override
    public JobPlan plan(String jobId, JobRequest request) {
        return switch (request.action()) {
            case INSTALL -> planInstall(request);
            case UPDATE -> planUpdate(jobId, request);
            case UNINSTALL -> planUninstall(request.addonId());
            case DISABLE -> planDisable(request.addonId());
            case ENABLE -> planEnable(request.addonId());
            default -> throw new AgentException(ErrorCode.BAD_REQUEST, "the install planner does not "
                    + request.action().name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    @Override
    public PlanView plan(PlanRequest request) {
        String id = request.id();
        switch (request.action()) {
            case INSTALL, UPDATE -> {
                List<CatalogTarget> targets = resolve(request.action(), id, request.version());
                Optional<RegistryRow> current = steps.registry().row(id);
                List<PlannedAddon> addons = new ArrayList<>();
                List<String> schemas = new ArrayList<>();
                List<String> routes = new ArrayList<>();
                List<String> permissions = new ArrayList<>();
                List<String> tables = new ArrayList<>();
                for (CatalogTarget t : targets) {
                    AddonManifest m = AddonManifest.from(t.summary(), t.path());
                    boolean requested = m.id().equals(id);
                    addons.add(new PlannedAddon(m.id(), m.version(),
                            requested ? current.map(RegistryRow::version) : Optional.empty(), !requested));
                    schemas.add(m.schema());
                    routes.addAll(m.routes());
                    permissions.addAll(m.permissions());
                    t.summary().path("tables").forEach(n -> tables.add(m.schema() + "." + n.asText()));
                }
                CatalogTarget last = targets.get(targets.size() - 1);
                return new PlanView(request.action(), id, last.version(), addons, schemas, tables, routes,
                        permissions, request.action() == JobAction.UPDATE);
            }
            case UNINSTALL, DISABLE, ENABLE -> {
                RegistryRow row = checkInstalled(request.action(), id);
                AddonManifest m = AddonManifest.parse(row.manifestJson(), "registry row of " + id);
                return new PlanView(request.action(), id, row.version(),
                        List.of(new PlannedAddon(id, row.version(), Optional.empty(), false)), List.of(m.schema()),
                        request.action() == JobAction.UNINSTALL ? List.of(m.schema() + ".*") : List.of(),
                        m.routes(), m.permissions(), false);
            }
            default -> throw new AgentException(ErrorCode.BAD_REQUEST, "cannot plan "
                    + request.action().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private Map<String, AddonManifest> installedManifests() {
        Map<String, AddonManifest> out = new LinkedHashMap<>();
        for (RegistryRow r : steps.registry().rows()) {
            out.put(r.id(), AddonManifest.parse(r.manifestJson(), "registry row of " + r.id()));
        }
        return out;
    }

    /**
     * The checks answered at submit: the addon and version exist, and it is (or is not) installed. Everything
     * else (dependencies, conflicts, core, routes) is the resolve step's, so that a job records why it failed.
     */
    private Optional<RegistryRow> checkRequested(JobAction action, String id, Optional<String> version) {
        Optional<RegistryRow> current = steps.registry().row(id);
        // the catalog verified last answers most submits; only an unknown addon or version costs a refresh
        var catalog = steps.source().lastVerified();
        if (catalog.byAddon().get(id) == null || version.isPresent() && catalog.find(id, version.get()).isEmpty()) {
            catalog = steps.source().catalog();
        }
        if (catalog.byAddon().get(id) == null) {
            throw new AgentException(ErrorCode.NOT_FOUND, "addon " + id + " is not in the catalog");
        }
        if (version.isPresent() && catalog.find(id, version.get()).isEmpty()) {
            throw new AgentException(ErrorCode.NOT_FOUND, "addon " + id + " has no version " + version.get()
                    + " in the catalog");
        }
        if (action == JobAction.INSTALL && current.isPresent()) {
            throw new AgentException(ErrorCode.CONFLICT, "addon " + id + " " + current.get().version()
                    + " is already installed; update it instead");
        }
        if (action == JobAction.UPDATE) {
            RegistryRow row = current.orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND,
                    "addon " + id + " is not installed; install it instead"));
            if (row.state() == AddonState.DISABLED) {
                throw new AgentException(ErrorCode.CONFLICT, "addon " + id + " is disabled; enable it before updating");
            }
        }
        return current;
    }

    /** @return the packages to bring in, dependencies first, after every check */
    private List<CatalogTarget> resolve(JobAction action, String id, Optional<String> version) {
        steps.source().catalog(); // plan against the newest verified catalog
        Optional<RegistryRow> current = checkRequested(action, id, version);
        var catalog = steps.source().lastVerified();
        Resolution r = resolver.resolve(catalog, installedManifests(), id, version, action == JobAction.UPDATE);
        List<String> reasons = new ArrayList<>(r.reasons());
        if (reasons.isEmpty() && action == JobAction.UPDATE) {
            String target = r.targets().get(r.targets().size() - 1).version();
            if (!DependencyResolver.satisfies(target, ">" + current.get().version())) {
                reasons.add("addon " + id + " " + current.get().version() + " is installed; " + target
                        + " is not newer");
            }
        }
        if (reasons.isEmpty()) {
            for (CatalogTarget t : r.targets()) {
                AddonManifest m = AddonManifest.from(t.summary(), t.path());
                try {
                    steps.runtime().checkPrefixesFree(m.id(), m.routes());
                } catch (AgentException e) {
                    reasons.add(e.getMessage());
                }
            }
        }
        if (!reasons.isEmpty()) {
            throw new AgentException(ErrorCode.CONFLICT, "cannot " + action.name().toLowerCase(java.util.Locale.ROOT)
                    + " " + id + ": " + String.join("; ", reasons), reasons, null);
        }
        return r.targets();
    }

    private RegistryRow checkInstalled(JobAction action, String id) {
        RegistryRow row = steps.registry().row(id).orElseThrow(() ->
                new AgentException(ErrorCode.NOT_FOUND, "addon " + id + " is not installed"));
        Optional<InstalledAddon> shown = steps.registry().find(id);
        if (action == JobAction.UNINSTALL || action == JobAction.DISABLE) {
            List<String> dependents = new ArrayList<>();
            for (RegistryRow other : steps.registry().rows()) {
                if (other.id().equals(id)) {
                    continue;
                }
                AddonManifest m = AddonManifest.parse(other.manifestJson(), "registry row of " + other.id());
                boolean counts = action == JobAction.UNINSTALL || other.state() == AddonState.ENABLED;
                if (counts && m.requiresAddons().containsKey(id)) {
                    dependents.add(other.id() + " " + other.version()
                            + (other.state() == AddonState.DISABLED ? " (disabled)" : ""));
                }
            }
            if (!dependents.isEmpty()) {
                List<String> reasons = dependents.stream().map(d -> d + " depends on " + id).toList();
                throw new AgentException(ErrorCode.CONFLICT, "cannot " + action.name().toLowerCase(java.util.Locale.ROOT)
                        + " " + id + ": installed addons depend on it: " + String.join(", ", dependents), reasons, null);
            }
        }
        if (action == JobAction.DISABLE && row.state() == AddonState.DISABLED) {
            throw new AgentException(ErrorCode.CONFLICT, "addon " + id + " is already disabled");
        }
        if (action == JobAction.ENABLE) {
            if (shown.map(InstalledAddon::state).orElse(null) == AddonState.ENABLED) {
                throw new AgentException(ErrorCode.CONFLICT, "addon " + id + " is already enabled");
            }
            AddonManifest m = AddonManifest.parse(row.manifestJson(), "registry row of " + id);
            List<String> reasons = new ArrayList<>();
            for (String dep : m.requiresAddons().keySet()) {
                Optional<RegistryRow> d = steps.registry().row(dep);
                if (d.isEmpty() || d.get().state() != AddonState.ENABLED) {
                    reasons.add(id + " requires " + dep + ", which is " + (d.isEmpty() ? "not installed" : "disabled"));
                }
            }
            try {
                steps.runtime().checkPrefixesFree(id, m.routes());
            } catch (AgentException e) {
                reasons.add(e.getMessage());
            }
            if (!reasons.isEmpty()) {
                throw new AgentException(ErrorCode.CONFLICT, "cannot enable " + id + ": " + String.join("; ", reasons),
                        reasons, null);
            }
        }
        return row;
    }

    private JobPlan planInstall(JobRequest request) {
        List<CatalogTarget> targets = resolve(JobAction.INSTALL, request.addonId(), request.version());
        List<Step> plan = new ArrayList<>();
        targets.forEach(t -> plan.add(download(t)));
        targets.forEach(t -> plan.add(stage(t)));
        for (CatalogTarget t : targets) {
            AddonManifest m = AddonManifest.from(t.summary(), t.path());
            plan.add(new SchemaSteps.Migrate(steps, rec("id", t.id(), "version", t.version(), "mode", "install",
                    "dir", dir(t), "permissions", String.join(",", m.permissions()))));
        }
        targets.forEach(t -> plan.add(new RuntimeSteps.Activate(steps, rec("id", t.id(), "version", t.version(),
                "dir", dir(t)))));
        plan.add(upsert(targets));
        return new JobPlan(plan, "install " + describe(targets));
    }

    private JobPlan planUpdate(String jobId, JobRequest request) {
        String id = request.addonId();
        RegistryRow current = steps.registry().row(id).orElseThrow();
        AddonManifest old = AddonManifest.parse(current.manifestJson(), "registry row of " + id);
        String oldDir = steps.dirs().staged(id, current.version()).toString();
        List<CatalogTarget> targets = resolve(JobAction.UPDATE, id, request.version());
        String backupId = updateBackups.backupId(jobId, id);
        String backupDir = updateBackups.schemaDir(backupId).toString();
        List<Step> plan = new ArrayList<>();
        targets.forEach(t -> plan.add(download(t)));
        targets.forEach(t -> plan.add(stage(t)));
        if (request.backup()) {
            plan.add(updateBackups.take(id, backupId));
        }
        for (CatalogTarget t : targets) {
            AddonManifest m = AddonManifest.from(t.summary(), t.path());
            boolean target = t.id().equals(id);
            plan.add(new SchemaSteps.Migrate(steps, rec("id", t.id(), "version", t.version(),
                    "mode", target ? "update" : "install", "dir", dir(t),
                    "permissions", String.join(",", m.permissions()),
                    "backupDir", target && request.backup() ? backupDir : null,
                    "previousDir", target ? oldDir : null,
                    "previousPermissions", target ? String.join(",", old.permissions()) : null)));
        }
        for (CatalogTarget t : targets) {
            boolean target = t.id().equals(id);
            plan.add(new RuntimeSteps.Activate(steps, rec("id", t.id(), "version", t.version(), "dir", dir(t),
                    "previousDir", target ? oldDir : null)));
        }
        plan.add(upsert(targets));
        plan.add(new FileSteps.DeleteTree(steps, rec("name", "cleanup", "dir", oldDir)));
        if (request.backup()) {
            plan.add(updateBackups.retention());
        }
        return new JobPlan(plan, "update " + id + " " + current.version() + " -> " + describe(targets)
                + (request.backup() ? ", pre-update backup " + backupId + " first" : ", no backup"));
    }

    private JobPlan planUninstall(String id) {
        RegistryRow row = checkInstalled(JobAction.UNINSTALL, id);
        String dir = steps.dirs().staged(id, row.version()).toString();
        boolean active = steps.runtime().activeVersion(id).isPresent();
        return new JobPlan(List.of(
                new RuntimeSteps.Deactivate(steps, rec("id", id, "dir", dir, "wasActive", "" + active)),
                new RegistryCommit(steps, rec("op", "delete", "id", id)),
                new SchemaSteps.Drop(steps, rec("id", id)),
                new FileSteps.DeleteTree(steps, rec("name", "delete", "dir", steps.dirs().addon(id).toString()))),
                "uninstall " + id + " " + row.version());
    }

    private JobPlan planDisable(String id) {
        RegistryRow row = checkInstalled(JobAction.DISABLE, id);
        String dir = steps.dirs().staged(id, row.version()).toString();
        boolean active = steps.runtime().activeVersion(id).isPresent();
        return new JobPlan(List.of(
                new RuntimeSteps.Deactivate(steps, rec("id", id, "dir", dir, "wasActive", "" + active)),
                new RegistryCommit(steps, rec("op", "state", "id", id, "state", AddonState.DISABLED.name()))),
                "disable " + id + " " + row.version() + " (its schema and rows stay)");
    }

    private JobPlan planEnable(String id) {
        RegistryRow row = checkInstalled(JobAction.ENABLE, id);
        String dir = steps.dirs().staged(id, row.version()).toString();
        return new JobPlan(List.of(
                new RuntimeSteps.Activate(steps, rec("id", id, "version", row.version(), "dir", dir)),
                new RegistryCommit(steps, rec("op", "state", "id", id, "state", AddonState.ENABLED.name()))),
                "enable " + id + " " + row.version());
    }

    private Step download(CatalogTarget t) {
        return new FileSteps.Download(steps, rec("id", t.id(), "version", t.version(), "path", t.path(),
                "length", "" + t.length(), "sha256", t.sha256()));
    }

    private Step stage(CatalogTarget t) {
        return new FileSteps.Stage(steps, rec("id", t.id(), "version", t.version(), "sha256", t.sha256(),
                "dir", dir(t), "summary", t.summary().toString()));
    }

    private Step upsert(List<CatalogTarget> targets) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("op", "upsert");
        r.put("ids", String.join(",", targets.stream().map(CatalogTarget::id).toList()));
        targets.forEach(t -> r.put("dir." + t.id(), dir(t)));
        return new RegistryCommit(steps, r);
    }

    private String dir(CatalogTarget t) {
        return steps.dirs().staged(t.id(), t.version()).toString();
    }

    private static String describe(List<CatalogTarget> targets) {
        return String.join(", ", targets.stream().map(t -> t.id() + " " + t.version()).toList());
    }
}
