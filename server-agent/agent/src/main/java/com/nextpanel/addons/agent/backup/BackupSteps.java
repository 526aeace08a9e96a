package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.install.AddonBootstrap;
import com.nextpanel.addons.agent.jobs.CommitStep;
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
 * The steps of backup and restore jobs. Each step's journaled record is its whole state, so a restarted agent
 * revives it from the journal.
 *
 * <p>Backup: {@code dump} (write into a temporary directory, rename into place; undo deletes both) →
 * {@code commit} → {@code retention}. Restore: {@code safety} (a full backup of the server as it is; undo deletes it)
 * → {@code deactivate} (undo loads the installed addons again) → {@code restore} (database, files, registry; undo
 * restores the safety backup) → {@code activate} (the captured addons, like start-up does; undo deactivates) →
 * {@code commit} → {@code cleanup} (deletes the safety backup).
 */
final class BackupSteps {

    private BackupSteps() {
    }

    static StepKinds register(Backups b, StepKinds kinds) {
        return kinds.register(Dump.KIND, r -> new Dump(b, r))
                .register(Commit.KIND, r -> new Commit(r))
                .register(Retention.KIND, r -> new Retention(b, r))
                .register(Safety.KIND, r -> new Safety(b, r))
                .register(Deactivate.KIND, r -> new Deactivate(b, r))
                .register(Restore.KIND, r -> new Restore(b, r))
                .register(Activate.KIND, r -> new Activate(b, r))
                .register(Cleanup.KIND, r -> new Cleanup(b, r));
    }

    static List<Step> backup(Backups b, String backupId, String addonId) {
        return List.of(new Dump(b, rec("backupId", backupId, "addonId", addonId)),
                new Commit(rec("message", "backup " + backupId + " complete")),
                new Retention(b, rec("keep", Integer.toString(b.settings.keep()))));
    }

    static List<Step> restore(Backups b, BackupManifest m, Path safety) {
        return List.of(new Safety(b, rec("dir", safety.toString())),
                new Deactivate(b, rec()),
                new Restore(b, rec("backupId", m.backupId(), "safety", safety.toString())),
                new Activate(b, rec()),
                new Commit(rec("message", "restored backup " + m.backupId())),
                new Cleanup(b, rec("dir", safety.toString())));
    }

    private static Map<String, String> rec(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private abstract static class Base implements Step {
        final Backups b;
        final Map<String, String> record;
        private final String name;
        private final String kind;

        Base(Backups b, Map<String, String> record, String name, String kind) {
            this.b = b;
            this.record = Map.copyOf(record);
            this.name = name;
            this.kind = kind;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public Map<String, String> record() {
            return record;
        }

        String get(String key) {
            String v = record.get(key);
            if (v == null) {
                throw new IllegalStateException(kind + ": journaled record lacks " + key);
            }
            return v;
        }
    }

    /** Writes the backup; a half-written one is only ever a hidden temporary directory. */
    static final class Dump extends Base {
        static final String KIND = "backup.dump";

        Dump(Backups b, Map<String, String> r) {
            super(b, r, "dump", KIND);
        }

        @Override
        public String run(StepContext context) throws Exception {
            String backupId = get("backupId");
            context.progress(0, "dumping");
            BackupManifest m = b.write(backupId, get("addonId"), b.store.dir(backupId));
            return "backup " + backupId + ": " + m.files().size() + " files, " + m.sizeBytes() + " bytes, "
                    + m.method();
        }

        @Override
        public String undo(StepContext context) {
            String backupId = get("backupId");
            FullBackupStore.deleteTree(b.store.temp(backupId));
            FullBackupStore.deleteTree(b.store.dir(backupId));
            return "deleted backup " + backupId;
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

    /** Keeps the newest N backups of each scope; after the commit point, run again at recovery if need be. */
    static final class Retention extends Base {
        static final String KIND = "backup.retention";

        Retention(Backups b, Map<String, String> r) {
            super(b, r, "retention", KIND);
        }

        @Override
        public String run(StepContext context) {
            int keep = Integer.parseInt(get("keep"));
            List<String> deleted = b.store.applyRetention(keep);
            return deleted.isEmpty() ? "kept every backup (at most " + keep + " per scope)"
                    : "deleted " + String.join(", ", deleted) + " (keeping " + keep + " per scope)";
        }

        @Override
        public String undo(StepContext context) {
            return "nothing to undo";
        }
    }

    /** A full backup of the server as it is before the restore: what a failed restore goes back to. */
    static final class Safety extends Base {
        static final String KIND = "restore.safety";

        Safety(Backups b, Map<String, String> r) {
            super(b, r, "safety", KIND);
        }

        @Override
        public String run(StepContext context) throws Exception {
            Path dir = Path.of(get("dir"));
            BackupManifest m = b.write(dir.getFileName().toString(), "", dir);
            return "safety backup of the server as it is: " + m.sizeBytes() + " bytes, " + m.method();
        }

        @Override
        public String undo(StepContext context) {
            Path dir = Path.of(get("dir"));
            FullBackupStore.deleteTree(dir.resolveSibling(".tmp-" + dir.getFileName()));
            FullBackupStore.deleteTree(dir);
            return "deleted the safety backup";
        }
    }

    /** Takes every installed addon's routes out and unloads its code, so nothing writes while data is replaced. */
    static final class Deactivate extends Base {
        static final String KIND = "restore.deactivate";

        Deactivate(Backups b, Map<String, String> r) {
            super(b, r, "deactivate", KIND);
        }

        @Override
        public String run(StepContext context) {
            List<String> ids = deactivateAll(b);
            return ids.isEmpty() ? "no addon to deactivate" : "deactivated " + String.join(", ", ids);
        }

        @Override
        public String undo(StepContext context) {
            if (context.recovering()) {
                return "the start loads the installed addons";
            }
            AddonBootstrap.Report r = b.bootstrap().loadInstalled();
            return "loaded " + r.loaded() + (r.failed().isEmpty() ? "" : ", failed " + r.failed());
        }
    }

    /** Replaces the database, the addon files and the registry with the backup's. */
    static final class Restore extends Base {
        static final String KIND = "restore.data";

        Restore(Backups b, Map<String, String> r) {
            super(b, r, "restore", KIND);
        }

        @Override
        public String run(StepContext context) throws Exception {
            String backupId = get("backupId");
            Path dir = b.store.dir(backupId);
            BackupManifest m = BackupManifest.read(dir);
            context.progress(0, "restoring " + backupId);
            return restoreFrom(b, m, dir);
        }

        @Override
        public String undo(StepContext context) throws Exception {
            Path safety = Path.of(get("safety"));
            if (!Files.exists(safety.resolve(BackupManifest.FILE))) {
                return "nothing to undo (no safety backup was completed, so nothing was restored)";
            }
            if (!context.recovering()) {
                deactivateAll(b);
            }
            return "put the server back from the safety backup: " + restoreFrom(b, BackupManifest.read(safety),
                    safety);
        }
    }

    /** Loads the restored addons as start-up does; any that fails to load fails the restore. */
    static final class Activate extends Base {
        static final String KIND = "restore.activate";

        Activate(Backups b, Map<String, String> r) {
            super(b, r, "activate", KIND);
        }

        @Override
        public String run(StepContext context) {
            AddonBootstrap.Report r = b.bootstrap().loadInstalled();
            if (!r.failed().isEmpty()) {
                throw new IllegalStateException("restored addons failed to start: " + r.failed());
            }
            return r.loaded().isEmpty() ? "no addon to activate" : "activated " + String.join(", ", r.loaded());
        }

        @Override
        public String undo(StepContext context) {
            if (context.recovering()) {
                return "nothing is loaded during recovery";
            }
            List<String> ids = deactivateAll(b);
            return "deactivated " + ids;
        }
    }

    /** Deletes the safety backup once the restore is committed. */
    static final class Cleanup extends Base {
        static final String KIND = "restore.cleanup";

        Cleanup(Backups b, Map<String, String> r) {
            super(b, r, "cleanup", KIND);
        }

        @Override
        public String run(StepContext context) {
            Path dir = Path.of(get("dir"));
            FullBackupStore.deleteTree(dir.resolveSibling(".tmp-" + dir.getFileName()));
            FullBackupStore.deleteTree(dir);
            return "deleted the safety backup";
        }

        @Override
        public String undo(StepContext context) {
            return "nothing to undo";
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

    /** Puts the content of a verified backup back: the whole server for a full one, one addon otherwise. */
    static String restoreFrom(Backups b, BackupManifest m, Path dir) throws Exception {
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
            String how = b.database.restore(dir, m.roles());
            FullBackupStore.deleteTree(b.dirs.addons());
            FullBackupStore.copyTree(dir.resolve("files").resolve("addons"), b.dirs.addons());
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
        String how = b.schemaBackups.restore(id, dir.resolve("schema"));
        FullBackupStore.deleteTree(b.dirs.addon(id));
        FullBackupStore.copyTree(dir.resolve("files").resolve("addons").resolve(id), b.dirs.addon(id));
        for (BackupManifest.CapturedAddon a : m.addons()) {
            b.putRegistryRow(a);
        }
        return how + ", files and registry row of addon " + id + " from " + m.backupId();
    }
}
