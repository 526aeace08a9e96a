package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.StepContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Steps on an addon's schema: migrate, and drop after an uninstall's commit. The backup before an update is the
 * backups feature's ({@link UpdateBackups}); migrate's undo restores the schema from it.
 */
final class SchemaSteps {

    private SchemaSteps() {
    }

    static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
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
