package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Steps on an addon's schema: backup before an update, migrate, and drop after an uninstall's commit. */
final class SchemaSteps {

    private SchemaSteps() {
    }

    static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** Dumps the addon's schema before an update; undo deletes the dump (the migrate undo restored it first). */
    static final class Backup extends StepBase {
        Backup(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "backup";
        }

        @Override
        public String kind() {
            return "addon.backup";
        }

        @Override
        public String run(StepContext context) throws Exception {
            Path dir = Path.of(get("dir"));
            DiskOps.deleteTree(dir);
            Files.createDirectories(dir);
            String how = ctx.backups().dump(get("id"), dir);
            return "backed up schema addon_" + get("id") + " to " + ctx.dirs().dataDir().relativize(dir) + " (" + how
                    + ")";
        }

        @Override
        public String undo(StepContext context) throws IOException {
            Path dir = Path.of(get("dir"));
            DiskOps.deleteTree(dir);
            FileSteps.deleteIfEmpty(dir.getParent());
            return "deleted the pre-update backup " + dir.getFileName();
        }
    }

    /**
     * Applies the addon's pending migrations. Undo of an install drops the schema (and role); undo of an update
     * restores the backup taken before it, and the previous version's grants.
     */
    static final class Migrate extends StepBase {
        Migrate(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "migrate";
        }

        @Override
        public String kind() {
            return "addon.migrate";
        }

        @Override
        public String run(StepContext context) {
            MigrationHalt.set(context.action());
            String id = get("id");
            return ctx.schemas().migrate(id, list(opt("permissions")), Path.of(get("dir")).resolve("migrations"));
        }

        @Override
        public String undo(StepContext context) throws Exception {
            String id = get("id");
            if (get("mode").equals("install")) {
                ctx.schemas().close(id);
                ctx.schemas().drop(id);
                return "dropped schema addon_" + id + " and its role";
            }
            String backup = opt("backupDir");
            if (backup.isEmpty() || !Files.isDirectory(Path.of(backup))) {
                return "no backup was taken (backup=false): schema addon_" + id + " keeps what the migrations did";
            }
            // the previous version may still be serving from its pool: keep it open across the restore
            String how = ctx.backups().restore(id, Path.of(backup));
            ctx.schemas().migrate(id, list(opt("previousPermissions")), Path.of(get("previousDir")).resolve("migrations"));
            return "restored schema addon_" + id + " from the pre-update backup (" + how + ")";
        }
    }

    /** After an uninstall's commit: drops the addon's schema with its tables, and its role. Idempotent. */
    static final class Drop extends StepBase {
        Drop(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "drop";
        }

        @Override
        public String kind() {
            return "addon.drop";
        }

        @Override
        public String run(StepContext context) {
            ctx.schemas().close(get("id"));
            ctx.schemas().drop(get("id"));
            return "dropped schema addon_" + get("id") + " and its role";
        }

        @Override
        public String undo(StepContext context) {
            return "nothing to undo (runs after the commit)";
        }
    }
}
