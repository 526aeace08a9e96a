package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.CommitStep;
import com.nextpanel.addons.agent.jobs.StepContext;
import com.nextpanel.addons.agent.registry.AddonState;
import com.nextpanel.addons.agent.registry.RegistryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
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
                    Path dir = Path.of(get("dir." + id));
                    String json;
                    try {
                        json = FileSteps.readManifestText(dir);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    AddonManifest m = AddonManifest.parse(json, dir.resolve("addon.json").toString());
                    RegistryStore.upsert(tx, id, m.version(), AddonState.ENABLED, ctx.clock().instant(), json);
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
