package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.install.AddonBootstrap;
import com.nextpanel.addons.agent.jobs.CommitStep;
import com.nextpanel.addons.agent.jobs.HaltSwitch;
import com.nextpanel.addons.agent.jobs.Step;
import com.nextpanel.addons.agent.jobs.StepContext;
import com.nextpanel.addons.agent.jobs.StepKinds;
import com.nextpanel.addons.agent.registry.RegistryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of backup and restore jobs: one parameterised step ({@link OpStep}) running one {@link Op}. Each step's
 * journaled record is its whole state, so a restarted agent revives it from the journal. Step names and kinds are
 * stable (crash tests halt at their boundaries).
 *
 * <p>Backup: {@code dump} (write into a temporary directory, rename into place; undo deletes both) →
 * {@code commit} → {@code retention}. The update's pre-update backup is the step {@code backup} (kind
 * {@code addon.backup}), the same writer with scope {@code pre-update}. Restore: {@code safety} (a full backup of the
 * server as it is; undo deletes it) → {@code deactivate} (undo loads the installed addons again) → {@code restore}
 * (database, files, registry; undo restores the safety backup) → {@code activate} (the captured addons, like
 * start-up does; undo deactivates) → {@code commit} → {@code cleanup} (deletes the safety backup).
 */
final class BackupSteps {

    private BackupSteps() {
    }

    static StepKinds register(Backups b, StepKinds kinds) {
        for (Op op : Op.values()) {
            kinds.register(op.kind, r -> new OpStep(b, op, r));
        }
        return kinds.register(Commit.KIND, Commit::new);
    }

    static List<Step> backup(Backups b, String backupId, String scope, String addonId) {
        return List.of(new OpStep(b, Op.DUMP, rec("backupId", backupId, "scope", scope, "addonId", addonId)),
                new Commit(rec("message", "backup " + backupId + " complete")),
                retention(b));
    }

    static Step preUpdate(Backups b, String backupId, String addonId) {
        return new OpStep(b, Op.PRE_UPDATE, rec("backupId", backupId, "scope", BackupManifest.PRE_UPDATE,
                "addonId", addonId));
    }

    static Step retention(Backups b) {
        return new OpStep(b, Op.RETENTION, rec());
    }

    static List<Step> restore(Backups b, BackupManifest m, Path safety) {
        return List.of(new OpStep(b, Op.SAFETY, rec("dir", safety.toString())),
                new OpStep(b, Op.DEACTIVATE, rec()),
                new OpStep(b, Op.RESTORE, rec("backupId", m.backupId(), "safety", safety.toString())),
                new OpStep(b, Op.ACTIVATE, rec()),
                new Commit(rec("message", "restored backup " + m.backupId())),
                new OpStep(b, Op.CLEANUP, rec("dir", safety.toString())));
    }

    private static Map<String, String> rec(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** What a step does, and how it is undone; {@code r} is the step (its journaled record). */
    enum Op {
        /** Writes a backup; a half-written one is only ever a hidden temporary directory. */
        DUMP("dump", "backup.dump") {
            @Override
            String run(Backups b, OpStep r, StepContext context) throws Exception {
                String backupId = r.get("backupId");
                context.progress(0, "dumping");
                BackupManifest m = b.write(backupId, r.get("scope"), r.get("addonId"), b.store.dir(backupId));
                return "backup " + backupId + ": " + m.files().size() + " files, " + m.sizeBytes() + " bytes, "
                        + m.method();
            }

            @Override
            String undo(Backups b, OpStep r, StepContext context) {
                String backupId = r.get("backupId");
                BackupStore.deleteTree(b.store.temp(backupId));
                BackupStore.deleteTree(b.store.dir(backupId));
                return "deleted backup " + backupId;
            }
        },
        /** The backup an update takes before it changes anything: {@link #DUMP} with scope {@code pre-update}. */
        PRE_UPDATE("backup", "addon.backup") {
            @Override
            String run(Backups b, OpStep r, StepContext context) throws Exception {
                return DUMP.run(b, r, context);
            }

            @Override
            String undo(Backups b, OpStep r, StepContext context) throws Exception {
                return DUMP.undo(b, r, context);
            }
        },
        /** Keeps the newest N backups of each scope; after the commit point, run again at recovery if need be. */
        RETENTION("retention", "backup.retention") {
            @Override
            String run(Backups b, OpStep r, StepContext context) {
                List<String> deleted = b.store.applyRetention(b.settings);
                return deleted.isEmpty() ? "kept every backup (" + b.settings.keep() + " per scope, else "
                        + BackupSettings.DEFAULT_KEEP + ")" : "deleted " + String.join(", ", deleted);
            }

            @Override
            String undo(Backups b, OpStep r, StepContext context) {
                return "nothing to undo";
            }
        },
        /** A full backup of the server as it is before the restore: what a failed restore goes back to. */
        SAFETY("safety", "restore.safety") {
            @Override
            String run(Backups b, OpStep r, StepContext context) throws Exception {
                Path dir = Path.of(r.get("dir"));
                BackupManifest m = b.write(dir.getFileName().toString(), BackupManifest.FULL, "", dir);
                return "safety backup of the server as it is: " + m.sizeBytes() + " bytes, " + m.method();
            }

            @Override
            String undo(Backups b, OpStep r, StepContext context) throws Exception {
                return CLEANUP.run(b, r, context);
            }
        },
        /** Takes every installed addon's routes out and unloads its code, so nothing writes while data is replaced. */
        DEACTIVATE("deactivate", "restore.deactivate") {
            @Override
            String run(Backups b, OpStep r, StepContext context) {
                List<String> ids = deactivateAll(b);
                return ids.isEmpty() ? "no addon to deactivate" : "deactivated " + String.join(", ", ids);
            }

            @Override
            String undo(Backups b, OpStep r, StepContext context) {
                if (context.recovering()) {
                    return "the start loads the installed addons";
                }
                AddonBootstrap.Report report = b.bootstrap().loadInstalled();
                return "loaded " + report.loaded() + (report.failed().isEmpty() ? "" : ", failed " + report.failed());
            }
        },
        /** Replaces the database, the addon files and the registry with the backup's. */
        RESTORE("restore", "restore.data") {
            @Override
            String run(Backups b, OpStep r, StepContext context) throws Exception {
                String backupId = r.get("backupId");
                Path dir = b.store.dir(backupId);
                BackupManifest m = BackupManifest.read(dir);
                context.progress(0, "restoring " + backupId);
                return restoreFrom(b, m, dir, () -> HaltSwitch.check(context.action(), "restore", "mid"));
            }

            @Override
            String undo(Backups b, OpStep r, StepContext context) throws Exception {
                Path safety = Path.of(r.get("safety"));
                List<String> scripts = deleteRestoreScripts(b);
                if (!Files.exists(safety.resolve(BackupManifest.FILE))) {
                    return "nothing to undo (no safety backup was completed, so nothing was restored)";
                }
                if (!context.recovering()) {
                    deactivateAll(b);
                }
                BackupManifest before = BackupManifest.read(safety);
                String how = restoreFrom(b, before, safety, () -> { });
                List<String> roles = dropRolesTheRestoreAdded(b, r.get("backupId"), before);
                return "put the server back from the safety backup: " + how
                        + (roles.isEmpty() ? "" : "; dropped the roles the restore had created: " + roles)
                        + (scripts.isEmpty() ? "" : "; deleted the interrupted restore's script " + scripts);
            }
        },
        /** Loads the restored addons as start-up does; any that fails to load fails the restore. */
        ACTIVATE("activate", "restore.activate") {
            @Override
            String run(Backups b, OpStep r, StepContext context) {
                AddonBootstrap.Report report = b.bootstrap().loadInstalled();
                if (!report.failed().isEmpty()) {
                    throw new IllegalStateException("restored addons failed to start: " + report.failed());
                }
                return report.loaded().isEmpty() ? "no addon to activate"
                        : "activated " + String.join(", ", report.loaded());
            }

            @Override
            String undo(Backups b, OpStep r, StepContext context) {
                return context.recovering() ? "nothing is loaded during recovery" : "deactivated " + deactivateAll(b);
            }
        },
        /** Deletes the safety backup once the restore is committed. */
        CLEANUP("cleanup", "restore.cleanup") {
            @Override
            String run(Backups b, OpStep r, StepContext context) {
                Path dir = Path.of(r.get("dir"));
                BackupStore.deleteTree(dir.resolveSibling(".tmp-" + dir.getFileName()));
                BackupStore.deleteTree(dir);
                return "deleted the safety backup";
            }

            @Override
            String undo(Backups b, OpStep r, StepContext context) {
                return "nothing to undo";
            }
        };

        final String name;
        final String kind;

        Op(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }

        abstract String run(Backups b, OpStep r, StepContext context) throws Exception;

        abstract String undo(Backups b, OpStep r, StepContext context) throws Exception;
    }

    /** The one step shape: an {@link Op} and its journaled record. */
    static final class OpStep implements Step {
        private final Backups b;
        private final Op op;
        private final Map<String, String> record;

        OpStep(Backups b, Op op, Map<String, String> record) {
            this.b = b;
            this.op = op;
            this.record = Map.copyOf(record);
        }

        @Override
        public String name() {
            return op.name;
        }

        @Override
        public String kind() {
            return op.kind;
        }

        @Override
        public Map<String, String> record() {
            return record;
        }

        @Override
        public String run(StepContext context) throws Exception {
            return op.run(b, this, context);
        }

        @Override
        public String undo(StepContext context) throws Exception {
            return op.undo(b, this, context);
        }

        String get(String key) {
            String v = record.get(key);
            if (v == null) {
                throw new IllegalStateException(op.kind + ": journaled record lacks " + key);
            }
            return v;
        }
    }

    /** The commit point: nothing to write but the journal's {@code committed} flag. */
    static final class Commit implements CommitStep {
        static final String KIND = "backup.commit";
        private final Map<String, String> record;

        Commit(Map<String, String> record) {
            this.record = Map.copyOf(record);
        }

        @Override
        public String name() {
            return "commit";
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> record() {
            return record;
        }

        @Override
        public String commit(Connection transaction, StepContext context) {
            return record.getOrDefault("message", "committed");
        }
    }

    private static List<String> deactivateAll(Backups b) {
        List<String> ids = b.registry.rows().stream().map(RegistryRow::id).toList();
        // dependents first, so no addon loses a dependency while it still serves
        for (int i = ids.size() - 1; i >= 0; i--) {
            b.runtime.deactivate(ids.get(i));
        }
        for (String id : ids) {
            b.schemas.close(id);
        }
        return ids;
    }

    /**
     * Deletes the SQL scripts a restore writes next to the backups ({@link DatabaseDumps#RESTORE_SCRIPT_PREFIX}, deleted
     * when it returns): one killed while it ran leaves its scripts.
     *
     * @return the names deleted
     */
    static List<String> deleteRestoreScripts(Backups b) throws java.io.IOException {
        Path root = b.store.root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> deleted = new java.util.ArrayList<>();
        try (var files = Files.list(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.matches(DatabaseDumps.RESTORE_SCRIPT_PREFIX + "[0-9]*\\.sql")) {
                    Files.deleteIfExists(p);
                    deleted.add(name);
                }
            }
        }
        return deleted;
    }

    /**
     * PostgreSQL only: the restore creates the roles its backup names that are missing, and roles are the cluster's,
     * so putting the safety backup back leaves them. Drops each addon the restored backup names with a role the
     * safety backup does not have, as uninstall does ({@code AddonSchemas.drop}: its schema if any, its role).
     *
     * @return the roles dropped
     */
    static List<String> dropRolesTheRestoreAdded(Backups b, String backupId, BackupManifest safety) throws Exception {
        Path dir = b.store.dir(backupId);
        if (!Files.exists(dir.resolve(BackupManifest.FILE))) {
            return List.of();
        }
        Set<String> keep = Set.copyOf(safety.roles().values());
        List<String> dropped = new java.util.ArrayList<>();
        // the manifest maps each addon schema, addon_<id>, to its owner role
        for (Map.Entry<String, String> owner : new java.util.TreeMap<>(BackupManifest.read(dir).roles()).entrySet()) {
            if (!keep.contains(owner.getValue())) {
                b.schemas.drop(owner.getKey().substring("addon_".length()));
                dropped.add(owner.getValue());
            }
        }
        return dropped;
    }

    /**
     * Puts the content of a verified backup back: the whole server for a full one, one addon otherwise.
     *
     * @param midpoint run once the database has started to change and before it is complete: for a full backup after
     *                 the old content was dropped and before the backup's is loaded, for an addon's after its schema
     *                 is back and before its files and registry row (the test-only {@code restore:mid} halt)
     */
    static String restoreFrom(Backups b, BackupManifest m, Path dir, Runnable midpoint) throws Exception {
        if (m.full()) {
            Set<String> captured = m.addons().stream().map(BackupManifest.CapturedAddon::id)
                    .collect(Collectors.toSet());
            for (RegistryRow row : b.registry.rows()) {
                if (!captured.contains(row.id())) {
                    b.schemas.drop(row.id());
                } else {
                    b.schemas.close(row.id());
                }
            }
            String how = b.database.restore(dir, m.method(), m.roles(), midpoint);
            BackupStore.deleteTree(b.dirs.addons());
            BackupStore.copyTree(dir.resolve("files").resolve("addons"), b.dirs.addons());
            Files.createDirectories(b.dirs.addons());
            Path export = dir.resolve("files").resolve("addon_registry.json");
            if (Files.exists(export)) {
                Files.copy(export, b.dirs.registryExport(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return how + ", addons directory and registry of " + m.backupId();
        }
        String id = m.id();
        b.schemas.close(id);
        if (!m.roles().isEmpty()) {
            b.database.createMissingRoles(m.roles().values());
        }
        String how = b.schemaBackups.restore(id, dir.resolve(Backups.SCHEMA_DIR));
        midpoint.run();
        BackupStore.deleteTree(b.dirs.addon(id));
        BackupStore.copyTree(dir.resolve("files").resolve("addons").resolve(id), b.dirs.addon(id));
        for (BackupManifest.CapturedAddon a : m.addons()) {
            b.putRegistryRow(a);
        }
        return how + ", files and registry row of addon " + id + " from " + m.backupId();
    }
}
