package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.AgentMain;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.install.AddonBootstrap;
import com.nextpanel.addons.agent.install.AddonDirs;
import com.nextpanel.addons.agent.install.AddonRuntime;
import com.nextpanel.addons.agent.install.AddonSchemas;
import com.nextpanel.addons.agent.install.SchemaBackups;
import com.nextpanel.addons.agent.install.UpdateBackups;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobPlan;
import com.nextpanel.addons.agent.jobs.JobPlanner;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.Step;
import com.nextpanel.addons.agent.jobs.StepKinds;
import com.nextpanel.addons.agent.registry.RegistryRow;
import com.nextpanel.addons.agent.registry.RegistryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The backups feature: one store ({@code DIR/backups/<backupId>/}), one manifest, three scopes. Plans
 * {@code BACKUP} and {@code RESTORE} jobs of every scope (see {@link BackupSteps}), gives the update its
 * {@code pre-update} backup ({@link UpdateBackups}), lists and deletes backups. A full backup holds the whole
 * database, the {@code addons} directory and {@code addon_registry.json}; an addon or pre-update backup holds the
 * addon's schema, its files and its registry row. Addon versions come from the registry, never from manifests.
 */
public final class Backups implements JobPlanner, UpdateBackups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    final DataSource dataSource;
    final AddonDirs dirs;
    final RegistryStore registry;
    final AddonRuntime runtime;
    final AddonSchemas schemas;
    final SchemaBackups schemaBackups;
    final String coreVersion;
    final Clock clock;
    final BackupSettings settings;
    final BackupStore store;
    final DatabaseDumps database;

    public Backups(DataSource dataSource, AddonDirs dirs, RegistryStore registry, AddonRuntime runtime,
                   AddonSchemas schemas, SchemaBackups schemaBackups, String coreVersion, Clock clock,
                   BackupSettings settings) {
        this.dataSource = dataSource;
        this.dirs = dirs;
        this.registry = registry;
        this.runtime = runtime;
        this.schemas = schemas;
        this.schemaBackups = schemaBackups;
        this.coreVersion = coreVersion;
        this.clock = clock;
        this.settings = settings;
        this.store = new BackupStore(dirs.backups());
        this.database = new DatabaseDumps(dataSource);
    }

    /** Registers the backup and restore step kinds, so recovery can revive them. */
    public StepKinds register(StepKinds kinds) {
        return BackupSteps.register(this, kinds);
    }

    /** @return every complete backup of every scope, newest first, as {@code GET /agent/v1/backups} lists them */
    public List<BackupSummary> list() {
        return store.list().stream().map(BackupSummary::of).toList();
    }

    /** @return the one backup store */
    public BackupStore store() {
        return store;
    }

    /** Deletes a backup. @throws AgentException {@code NOT_FOUND} when there is none with that id */
    public void delete(String backupId) {
        store.delete(backupId);
    }

    @Override
    public void check(JobRequest request) {
        switch (request.action()) {
            case BACKUP -> {
                if (!request.addonId().isEmpty()) {
                    installed(request.addonId());
                }
                checkCanTake(request.addonId(), "backup");
            }
            case RESTORE -> {
                store.verify(request.addonId());
                checkCanTake("", "safety backup before the restore");
            }
            default -> throw new AgentException(ErrorCode.BAD_REQUEST, "the backup planner does not "
                    + request.action());
        }
    }

    @Override
    public JobPlan plan(String jobId, JobRequest request) {
        if (request.action() == JobAction.BACKUP) {
            String id = request.addonId();
            if (!id.isEmpty()) {
                installed(id);
            }
            long estimate = checkCanTake(id, "backup");
            String scope = id.isEmpty() ? BackupManifest.FULL : BackupManifest.ADDON;
            String backupId = newId(jobId, scope, id);
            return new JobPlan(BackupSteps.backup(this, backupId, scope, id),
                    "backup " + backupId + " (" + (id.isEmpty() ? "full" : "addon " + id) + "), about "
                            + estimate + " bytes");
        }
        if (request.action() == JobAction.RESTORE) {
            BackupManifest m = store.verify(request.addonId());
            checkCanTake("", "safety backup before the restore");
            return new JobPlan(BackupSteps.restore(this, m, store.root().resolve(".safety-" + jobId)),
                    "restore backup " + m.backupId() + " (" + m.scope() + (m.full() ? "" : " " + m.id())
                            + "), every checksum verified");
        }
        throw new AgentException(ErrorCode.BAD_REQUEST, "the backup planner does not " + request.action());
    }

    @Override
    public String backupId(String jobId, String id) {
        return newId(jobId, BackupManifest.PRE_UPDATE, id);
    }

    @Override
    public Path schemaDir(String backupId) {
        return store.dir(backupId).resolve(SCHEMA_DIR);
    }

    @Override
    public void checkCanTake(String id) {
        checkCanTake(id, "backup before the update");
    }

    @Override
    public Step take(String id, String backupId) {
        return BackupSteps.preUpdate(this, backupId, id);
    }

    @Override
    public Step retention() {
        return BackupSteps.retention(this);
    }

    static final String SCHEMA_DIR = "schema";

    private String newId(String jobId, String scope, String id) {
        return STAMP.format(clock.instant()) + "-" + scope + (id.isEmpty() ? "" : "-" + id) + "-"
                + jobId.substring(0, Math.min(8, jobId.length()));
    }

    private RegistryRow installed(String id) {
        return registry.row(id).orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND,
                "addon " + id + " is not installed: nothing to back up"));
    }

    /**
     * Refuses a backup that could not be taken: one the database's dump cannot reproduce (see
     * {@link DatabaseDumps#checkCanDump}), or one that would not fit ({@link #checkSpace}).
     *
     * @param addonId the addon of an addon backup, empty for a full one
     * @return the size estimate
     */
    long checkCanTake(String addonId, String what) {
        try {
            if (addonId.isEmpty()) {
                database.checkCanDump();
            } else {
                schemaBackups.checkCanDump(addonId);
            }
        } catch (AgentException e) {
            throw new AgentException(e.code(), "the " + what + " cannot be taken: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot check the " + what + ": " + e.getMessage(), e);
        }
        return checkSpace(addonId, what);
    }

    /**
     * Refuses a backup that would not fit: the estimate is what the database takes (all of it, or the addon's
     * share for an addon backup, bounded by all of it) plus the files it copies, with 10% headroom.
     *
     * @return the estimate
     */
    long checkSpace(String addonId, String what) {
        long estimate;
        long free;
        try {
            Files.createDirectories(store.root());
            estimate = database.estimateBytes() + BackupStore.treeSize(addonId.isEmpty() ? dirs.addons()
                    : dirs.addon(addonId));
            free = settings.freeSpace().usableBytes(store.root());
        } catch (IOException | SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot estimate the size of the " + what + ": "
                    + e.getMessage(), e);
        }
        long needed = estimate + estimate / 10;
        if (free < needed) {
            throw new AgentException(ErrorCode.CONFLICT, "insufficient space for the " + what + " in "
                    + store.root() + ": about " + needed + " bytes needed, " + free + " bytes free; nothing written");
        }
        return estimate;
    }

    /** Writes a complete backup into {@code target} (through a temporary sibling, renamed when complete). */
    BackupManifest write(String backupId, String scope, String addonId, Path target) throws Exception {
        Path tmp = target.resolveSibling(".tmp-" + target.getFileName());
        BackupStore.deleteTree(tmp);
        Files.createDirectories(tmp);
        String method;
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("agent", AgentMain.VERSION);
        versions.put("core", coreVersion);
        List<RegistryRow> rows = registry.rows();
        Map<String, String> roles;
        if (addonId.isEmpty()) {
            roles = database.addonSchemaOwners();
            method = database.dump(tmp);
            BackupStore.copyTree(dirs.addons(), tmp.resolve("files").resolve("addons"));
            if (Files.exists(dirs.registryExport())) {
                Files.createDirectories(tmp.resolve("files"));
                Files.copy(dirs.registryExport(), tmp.resolve("files").resolve("addon_registry.json"));
            }
        } else {
            rows = rows.stream().filter(r -> r.id().equals(addonId)).toList();
            roles = new LinkedHashMap<>(database.addonSchemaOwners());
            roles.keySet().removeIf(schema -> !schema.equalsIgnoreCase("addon_" + addonId));
            Path schemaDir = Files.createDirectories(tmp.resolve(SCHEMA_DIR));
            method = methodOf(schemaBackups.dump(addonId, schemaDir));
            // only the installed version's files: an update's backup runs after it staged the new version
            for (RegistryRow r : rows) {
                BackupStore.copyTree(dirs.staged(addonId, r.version()),
                        tmp.resolve("files").resolve("addons").resolve(addonId).resolve(r.version()));
            }
        }
        rows.forEach(r -> versions.put("addon:" + r.id(), r.version()));
        List<BackupManifest.CapturedAddon> captured = rows.stream().map(r -> new BackupManifest.CapturedAddon(
                r.id(), r.version(), r.state().name(), r.installedAt().toEpochMilli(), r.manifestJson())).toList();
        BackupManifest m = new BackupManifest(backupId, scope, addonId, clock.instant().toString(), method, versions,
                captured, roles, BackupStore.checksums(tmp));
        m.write(tmp);
        BackupStore.fsyncTree(tmp);
        BackupStore.deleteTree(target);
        BackupStore.publish(tmp, target);
        return m;
    }

    /** The schema backups answer {@code "<method>, <n> bytes"}; the manifest keeps the method. */
    private static String methodOf(String how) {
        String m = how.split(",", 2)[0].trim();
        return m.equals("H2 SCRIPT") ? BackupManifest.H2_SCRIPT : m;
    }

    /** Registry rows of an addon backup go back on one transaction. */
    void putRegistryRow(BackupManifest.CapturedAddon a) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                RegistryStore.upsert(c, a.id(), a.version(),
                        com.nextpanel.addons.agent.registry.AddonState.valueOf(a.state()), clock.instant(),
                        a.manifest());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    AddonBootstrap bootstrap() {
        return new AddonBootstrap(registry, runtime, dirs);
    }
}
