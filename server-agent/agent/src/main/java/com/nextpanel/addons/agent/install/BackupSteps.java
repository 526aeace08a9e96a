package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.backup.BackupStore;
import com.nextpanel.addons.agent.jobs.StepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/** Steps of the backup and restore jobs (addon scope: its schema and its files). */
final class BackupSteps {

    private BackupSteps() {
    }

    /**
     * Takes an addon backup into {@code backups/<backupId>/}: {@code schema.sql} and {@code files/} (the staged
     * package), sealed by a manifest of SHA-256s written last. Undo deletes the folder.
     */
    static final class Take extends StepBase {
        Take(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "backup";
        }

        @Override
        public String kind() {
            return "backup.take";
        }

        @Override
        public String run(StepContext context) throws Exception {
            BackupStore store = new BackupStore(ctx.dirs().backups());
            Path folder = store.folder(get("backupId"));
            DiskOps.deleteTree(folder);
            Files.createDirectories(folder);
            context.progress(10, "dumping schema addon_" + get("id"));
            String method = ctx.backups().dump(get("id"), folder);
            context.progress(70, "copying the files of " + get("id") + " " + get("version"));
            copyTree(Path.of(get("dir")), folder.resolve("files"));
            var view = store.seal(get("backupId"), "addon", get("id"), get("version"), get("coreVersion"),
                    method.startsWith("pg_dump") ? "pg_dump" : "H2 SCRIPT", Instant.parse(get("createdAt")));
            return "backup " + view.backupId() + ": " + view.files().size() + " files, " + view.sizeBytes()
                    + " bytes (" + method + ")";
        }

        @Override
        public String undo(StepContext context) throws IOException {
            DiskOps.deleteTree(new BackupStore(ctx.dirs().backups()).folder(get("backupId")));
            return "deleted the unfinished backup " + get("backupId");
        }
    }

    /**
     * Restores an addon's schema and files from a verified backup: the files go to {@code addons/<id>/<version>/}
     * (kept when that version is the installed one), the schema is replaced by the dump. Undo puts the schema back
     * from the safety dump taken just before, and removes files it added.
     */
    static final class Restore extends StepBase {
        Restore(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "restore";
        }

        @Override
        public String kind() {
            return "backup.restore";
        }

        @Override
        public String run(StepContext context) throws Exception {
            BackupStore store = new BackupStore(ctx.dirs().backups());
            store.verify(get("backupId"));
            Path folder = store.folder(get("backupId"));
            Path target = Path.of(get("targetDir"));
            if (Boolean.parseBoolean(get("addsFiles"))) {
                DiskOps.deleteTree(target);
                copyTree(folder.resolve("files"), target);
            }
            String how = ctx.backups().restore(get("id"), folder);
            return "restored schema addon_" + get("id") + " and " + get("version") + " from " + get("backupId")
                    + " (" + how + ")";
        }

        @Override
        public String undo(StepContext context) throws Exception {
            Path safety = Path.of(get("safetyDir"));
            String message = "";
            if (Files.isRegularFile(safety.resolve(H2SchemaBackups.FILE))) {
                message = "schema addon_" + get("id") + " put back (" + ctx.backups().restore(get("id"), safety) + ")";
            }
            if (Boolean.parseBoolean(get("addsFiles"))) {
                DiskOps.deleteTree(Path.of(get("targetDir")));
                message += (message.isEmpty() ? "" : "; ") + "removed the restored files";
            }
            return message.isEmpty() ? "nothing had changed" : message;
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted().toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    DiskOps.fsync(dest);
                }
            }
        }
    }
}
