package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.CommitStep;
import com.nextpanel.addons.agent.jobs.StepContext;
import com.nextpanel.addons.agent.registry.AddonState;
import com.nextpanel.addons.agent.registry.ManifestColumn;
import com.nextpanel.addons.agent.registry.RegistryStore;
import com.nextpanel.addons.catalog.manifest.Manifest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A job's commit point: the registry change, on the journal's transaction. {@code op} is {@code upsert} (install,
 * update: rows for every addon in {@code ids}, manifests read from their staged dirs), {@code delete}
 * (uninstall) or {@code state} (disable, enable).
 */
final class RegistryCommit extends StepBase implements CommitStep {

    RegistryCommit(InstallSteps ctx, Map<String, String> record) {
        super(ctx, record);
    }

    @Override
    public String name() {
        return "commit";
    }

    @Override
    public String kind() {
        return "addon.commit";
    }

    @Override
    public String commit(Connection tx, StepContext context) throws SQLException {
        List<String> done = new ArrayList<>();
        switch (get("op")) {
            case "upsert" -> {
                for (String id : SchemaSteps.list(get("ids"))) {
                    Manifest m = Manifests.staged(Path.of(get("dir." + id)));
                    RegistryStore.upsert(tx, id, m.version().toString(), AddonState.ENABLED, ctx.clock().instant(),
                            ManifestColumn.write(m));
                    ctx.registry().markFailed(id, false);
                    done.add(id + " " + m.version());
                }
            }
            case "delete" -> {
                RegistryStore.delete(tx, get("id"));
                ctx.registry().markFailed(get("id"), false);
                done.add("removed " + get("id"));
            }
            case "state" -> {
                AddonState state = AddonState.valueOf(get("state"));
                RegistryStore.setState(tx, get("id"), state, ctx.clock().instant());
                ctx.registry().markFailed(get("id"), false);
                done.add(get("id") + " " + state);
            }
            default -> throw new IllegalStateException("unknown registry operation " + get("op"));
        }
        return "registry: " + String.join(", ", done);
    }
}
