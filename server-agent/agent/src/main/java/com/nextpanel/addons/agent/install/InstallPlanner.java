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
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.manifest.Permission;
import com.nextpanel.addons.catalog.resolve.Request;
import com.nextpanel.addons.catalog.resolve.Resolution;
import com.nextpanel.addons.catalog.resolve.Resolver;
import com.nextpanel.addons.catalog.version.Version;
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
    private final Version core;
    private final UpdateBackups updateBackups;

    public InstallPlanner(InstallSteps steps, String coreVersion, UpdateBackups updateBackups) {
        this.steps = steps;
        this.updateBackups = updateBackups;
        this.core = Version.parse(coreVersion);
    }

    @Override
    public void check(JobRequest request) {
        switch (request.action()) {
            case INSTALL -> checkRequested(request.action(), request.addonId(), request.version());
            case UPDATE -> {
                checkRequested(request.action(), request.addonId(), request.version());
                if (request.backup()) {
                    updateBackups.checkCanTake(request.addonId());
                }
            }
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
                    ManifestSummary m = t.manifest();
                    boolean requested = m.id().equals(id);
                    addons.add(new PlannedAddon(m.id(), t.version(),
                            requested ? current.map(RegistryRow::version) : Optional.empty(), !requested));
                    String schema = Manifests.schema(m.id());
                    schemas.add(schema);
                    routes.addAll(m.routes());
                    permissions.addAll(Manifests.permissions(m.permissions()));
                    m.tables().forEach(table -> tables.add(schema + "." + table));
                }
                CatalogTarget last = targets.get(targets.size() - 1);
                return new PlanView(request.action(), id, last.version(), addons, schemas, tables, routes,
                        permissions, request.action() == JobAction.UPDATE);
            }
            case UNINSTALL, DISABLE, ENABLE -> {
                RegistryRow row = checkInstalled(request.action(), id);
                Manifest m = row.manifest();
                String schema = Manifests.schema(id);
                return new PlanView(request.action(), id, row.version(),
                        List.of(new PlannedAddon(id, row.version(), Optional.empty(), false)), List.of(schema),
                        request.action() == JobAction.UNINSTALL ? List.of(schema + ".*") : List.of(),
                        m.routes(), Manifests.permissions(m.permissions()), false);
            }
            default -> throw new AgentException(ErrorCode.BAD_REQUEST, "cannot plan "
                    + request.action().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** @return what is installed, disabled addons included (they count as installed), as the resolver sees it */
    private Map<String, ManifestSummary> installedSummaries() {
        Map<String, ManifestSummary> out = new LinkedHashMap<>();
        for (RegistryRow r : steps.registry().rows()) {
            out.put(r.id(), Manifests.summary(r.manifest()));
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

    /**
     * Plans with the catalog's {@link Resolver}, then checks the planned route prefixes against the live route
     * table.
     *
     * @return the packages to bring in, dependencies first, after every check
     * @throws AgentException {@code CONFLICT} with every reason when it cannot
     */
    private List<CatalogTarget> resolve(JobAction action, String id, Optional<String> version) {
        steps.source().catalog(); // plan against the newest verified catalog
        checkRequested(action, id, version);
        VerifiedCatalog catalog = steps.source().lastVerified();
        Optional<Version> wanted = version.map(Version::parse);
        Request request = action == JobAction.UPDATE ? new Request(Request.Action.UPDATE, id, wanted)
                : new Request(Request.Action.INSTALL, id, wanted);
        Resolution resolution = new Resolver(catalog.view(), core).resolve(request, installedSummaries());
        List<String> reasons = new ArrayList<>();
        List<CatalogTarget> targets = new ArrayList<>();
        if (resolution instanceof Resolution.Refused refused) {
            reasons.addAll(refused.messages());
        } else {
            for (ManifestSummary planned : ((Resolution.Plan) resolution).toInstall()) {
                CatalogTarget t = catalog.find(planned.id(), planned.version()).orElseThrow(() -> new AgentException(
                        ErrorCode.INTERNAL, "the resolver planned " + planned.coordinates() + ", not in the catalog"));
                targets.add(t);
                try {
                    steps.runtime().checkPrefixesFree(planned.id(), planned.routes());
                } catch (AgentException e) {
                    reasons.add(e.getMessage());
                }
            }
        }
        if (!reasons.isEmpty()) {
            throw new AgentException(ErrorCode.CONFLICT, "cannot " + action.name().toLowerCase(java.util.Locale.ROOT)
                    + " " + id + ": " + String.join("; ", reasons), reasons, null);
        }
        return targets;
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
                boolean counts = action == JobAction.UNINSTALL || other.state() == AddonState.ENABLED;
                if (counts && other.manifest().requires().addons().containsKey(id)) {
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
            Manifest m = row.manifest();
            List<String> reasons = new ArrayList<>();
            for (String dep : m.requires().addons().keySet()) {
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
            plan.add(new SchemaSteps.Migrate(steps, rec("id", t.id(), "version", t.version(), "mode", "install",
                    "dir", dir(t), "permissions", permissions(t.manifest().permissions()))));
        }
        targets.forEach(t -> plan.add(new RuntimeSteps.Activate(steps, rec("id", t.id(), "version", t.version(),
                "dir", dir(t)))));
        plan.add(upsert(targets));
        return new JobPlan(plan, "install " + describe(targets));
    }

    private JobPlan planUpdate(String jobId, JobRequest request) {
        String id = request.addonId();
        RegistryRow current = steps.registry().row(id).orElseThrow();
        Manifest old = current.manifest();
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
            boolean target = t.id().equals(id);
            plan.add(new SchemaSteps.Migrate(steps, rec("id", t.id(), "version", t.version(),
                    "mode", target ? "update" : "install", "dir", dir(t),
                    "permissions", permissions(t.manifest().permissions()),
                    "backupDir", target && request.backup() ? backupDir : null,
                    "previousDir", target ? oldDir : null,
                    "previousPermissions", target ? permissions(old.permissions()) : null)));
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

    private static String permissions(List<Permission> permissions) {
        return String.join(",", Manifests.permissions(permissions));
    }

    private String dir(CatalogTarget t) {
        return steps.dirs().staged(t.id(), t.version()).toString();
    }

    private static String describe(List<CatalogTarget> targets) {
        return String.join(", ", targets.stream().map(t -> t.id() + " " + t.version()).toList());
    }
}
