package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.StepContext;
import com.nextpanel.addons.catalog.manifest.Manifest;
import java.nio.file.Path;
import java.util.Map;

/** Steps on running code: activate (load, start, health, swap routes) and deactivate (drain, stop, unload). */
final class RuntimeSteps {

    private RuntimeSteps() {
    }

    /**
     * Activates a staged version; when another version is active (an update) the host swaps it out atomically.
     * Undo brings the previous version back (or deactivates a new install). At recovery nothing is loaded yet,
     * so undo has nothing to do: the bootstrap loads what the registry holds afterwards.
     */
    static final class Activate extends StepBase {
        Activate(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "activate";
        }

        @Override
        public String kind() {
            return "addon.activate";
        }

        @Override
        public String run(StepContext context) throws Exception {
            Path dir = Path.of(get("dir"));
            Manifest m = Manifests.staged(dir);
            ctx.runtime().activate(m, dir);
            return "activated " + m.id() + " " + m.version() + " with routes " + m.routes();
        }

        @Override
        public String undo(StepContext context) throws Exception {
            if (context.recovering()) {
                return "nothing loaded at recovery";
            }
            String id = get("id");
            String previous = opt("previousDir");
            if (previous.isEmpty()) {
                ctx.runtime().deactivate(id);
                return "deactivated " + id;
            }
            Path dir = Path.of(previous);
            Manifest m = Manifests.staged(dir);
            if (ctx.runtime().activeVersion(id).filter(m.version().toString()::equals).isPresent()) {
                return id + " " + m.version() + " is still active";
            }
            ctx.runtime().activate(m, dir);
            return "activated " + id + " " + m.version() + " again";
        }
    }

    /** Takes an addon out of service (uninstall, disable); undo activates it again if it was active. */
    static final class Deactivate extends StepBase {
        Deactivate(InstallSteps ctx, Map<String, String> record) {
            super(ctx, record);
        }

        @Override
        public String name() {
            return "deactivate";
        }

        @Override
        public String kind() {
            return "addon.deactivate";
        }

        @Override
        public String run(StepContext context) {
            String id = get("id");
            ctx.runtime().deactivate(id);
            ctx.schemas().close(id);
            return "deactivated " + id + ": routes out, requests drained, code unloaded";
        }

        @Override
        public String undo(StepContext context) throws Exception {
            if (context.recovering() || !Boolean.parseBoolean(opt("wasActive"))) {
                return "nothing to load again";
            }
            Path dir = Path.of(get("dir"));
            Manifest m = Manifests.staged(dir);
            if (ctx.runtime().activeVersion(m.id()).isEmpty()) {
                ctx.runtime().activate(m, dir);
            }
            return "activated " + m.id() + " " + m.version() + " again";
        }
    }
}
