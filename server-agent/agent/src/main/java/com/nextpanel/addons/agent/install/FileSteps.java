package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.jobs.StepContext;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.archive.ExpectedTarget;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.SummaryJson;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.tuf.TufJson;
import com.nextpanel.addons.catalog.version.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Steps on files: download into the cache, stage, and the deletions after a commit. */
final class FileSteps {

    private FileSteps() {
    }

    /** Downloads and verifies a package into the content-addressed cache. Changes nothing on the server. */
    static final class Download extends StepBase {
        Download(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "download";
        }

        @Override
        public String kind() {
            return "addon.download";
        }

        @Override
        public boolean changesServer() {
            return false;
        }

        @Override
        public String run(StepContext context) {
            String path = get("path");
            CatalogTarget target = ctx.source().lastVerified().findByPath(path).orElseThrow(() ->
                    new AgentException(ErrorCode.NOT_FOUND, path + " is no longer in the verified catalog"));
            if (!target.sha256().equals(get("sha256")) || target.length() != Long.parseLong(get("length"))) {
                throw new AgentException(ErrorCode.CATALOG_UNTRUSTED, path + " changed in the catalog since it was"
                        + " planned");
            }
            context.progress(0, "downloading " + path);
            Path zip = ctx.source().fetch(target);
            context.progress(100, "verified " + path);
            return "verified " + path + " (" + target.length() + " bytes, sha256 " + target.sha256().substring(0, 12)
                    + "…) into the cache";
        }

        @Override
        public String undo(StepContext context) {
            return "nothing to undo (the cache is content-addressed)";
        }
    }

    /** Extracts a verified package into {@code addons/<id>/<version>/}; undo deletes it. */
    static final class Stage extends StepBase {
        Stage(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "stage";
        }

        @Override
        public String kind() {
            return "addon.stage";
        }

        @Override
        public String run(StepContext context) throws IOException {
            Path dir = Path.of(get("dir"));
            Path zip = ctx.dirs().cache().resolve(get("sha256") + ".zip");
            DiskOps.deleteTree(dir); // an orphan left by an earlier crash (never the registered version)
            Files.createDirectories(dir.getParent());
            Manifest staged = ctx.stager().stage(zip, new ExpectedTarget(get("id"), Version.parse(get("version")),
                    Files.size(zip), get("sha256")), dir).manifest();
            String mismatch = mismatch(signedSummary(), staged);
            if (!mismatch.isEmpty()) {
                throw new AgentException(ErrorCode.CATALOG_UNTRUSTED, zip.getFileName() + ": addon.json differs from"
                        + " the catalog's signed summary: " + mismatch);
            }
            return "staged " + staged.id() + " " + staged.version() + " in " + ctx.dirs().dataDir().relativize(dir);
        }

        @Override
        public String undo(StepContext context) throws IOException {
            Path dir = Path.of(get("dir"));
            DiskOps.deleteTree(dir);
            DiskOps.deleteTree(dir.resolveSibling("." + dir.getFileName() + ".staging"));
            // the catalog's PackageReader extracts into a temporary ".staging-<id>-*" sibling first; a crash
            // while it extracts leaves that behind (found by the crash suite's SIGKILL loop)
            if (Files.isDirectory(dir.getParent())) {
                try (var siblings = Files.list(dir.getParent())) {
                    for (Path p : siblings.filter(p -> p.getFileName().toString()
                            .startsWith(".staging-" + get("id") + "-")).toList()) {
                        DiskOps.deleteTree(p);
                    }
                }
            }
            deleteIfEmpty(dir.getParent());
            return "deleted " + ctx.dirs().dataDir().relativize(dir);
        }

        private ManifestSummary signedSummary() {
            String where = "catalog summary of " + get("id");
            try {
                return SummaryJson.fromCustom(TufJson.parseObject(get("summary").getBytes(StandardCharsets.UTF_8),
                        where), where);
            } catch (CatalogException e) {
                throw new AgentException(ErrorCode.CATALOG_UNTRUSTED, e.getMessage(), e);
            }
        }

        /** The parts the plan was made from must be what the package says. */
        private static String mismatch(ManifestSummary expected, Manifest staged) {
            if (!expected.id().equals(staged.id())) {
                return "id " + staged.id() + " instead of " + expected.id();
            }
            if (!expected.version().equals(staged.version())) {
                return "version " + staged.version() + " instead of " + expected.version();
            }
            if (!expected.routes().equals(staged.routes())) {
                return "routes " + staged.routes() + " instead of " + expected.routes();
            }
            if (!expected.permissions().equals(staged.permissions())) {
                return "permissions " + staged.permissions() + " instead of " + expected.permissions();
            }
            if (!expected.requires().equals(staged.requires())) {
                return "requires " + staged.requires() + " instead of " + expected.requires();
            }
            if (!expected.conflicts().equals(staged.conflicts())) {
                return "conflicts " + staged.conflicts() + " instead of " + expected.conflicts();
            }
            return "";
        }
    }

    /** After a commit: deletes a directory tree (an old version, an uninstalled addon). Idempotent. */
    static final class DeleteTree extends StepBase {
        DeleteTree(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return get("name");
        }

        @Override
        public String kind() {
            return "addon.delete";
        }

        @Override
        public String run(StepContext context) throws IOException {
            Path dir = Path.of(get("dir"));
            DiskOps.deleteTree(dir);
            return "deleted " + ctx.dirs().dataDir().relativize(dir);
        }

        @Override
        public String undo(StepContext context) {
            return "nothing to undo (runs after the commit)";
        }
    }

    static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isEmpty()) {
                    Files.deleteIfExists(dir);
                }
            }
        }
    }
}
