package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.StepKinds;
import com.nextpanel.addons.agent.registry.RegistryStore;
import java.time.Clock;
import java.util.Objects;

/**
 * What the install, update, uninstall, disable and enable steps work with, and how each step kind is revived from
 * its journaled record after a restart.
 */
public final class InstallSteps {

    private final AddonDirs dirs;
    private final PackageSource source;
    private final PackageStager stager;
    private final AddonSchemas schemas;
    private final SchemaBackups backups;
    private final AddonRuntime runtime;
    private final RegistryStore registry;
    private final Clock clock;

    public InstallSteps(AddonDirs dirs, PackageSource source, PackageStager stager, AddonSchemas schemas,
                        SchemaBackups backups, AddonRuntime runtime, RegistryStore registry, Clock clock) {
        this.dirs = Objects.requireNonNull(dirs);
        this.source = Objects.requireNonNull(source);
        this.stager = Objects.requireNonNull(stager);
        this.schemas = Objects.requireNonNull(schemas);
        this.backups = Objects.requireNonNull(backups);
        this.runtime = Objects.requireNonNull(runtime);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Registers every step kind of this package with {@code kinds}. */
    public StepKinds register(StepKinds kinds) {
        return kinds.register("addon.download", r -> new FileSteps.Download(this, r))
                .register("addon.stage", r -> new FileSteps.Stage(this, r))
                .register("addon.delete", r -> new FileSteps.DeleteTree(this, r))
                .register("addon.migrate", r -> new SchemaSteps.Migrate(this, r))
                .register("addon.drop", r -> new SchemaSteps.Drop(this, r))
                .register("addon.activate", r -> new RuntimeSteps.Activate(this, r))
                .register("addon.deactivate", r -> new RuntimeSteps.Deactivate(this, r))
                .register("addon.commit", r -> new RegistryCommit(this, r));
    }

    AddonDirs dirs() {
        return dirs;
    }

    PackageSource source() {
        return source;
    }

    PackageStager stager() {
        return stager;
    }

    AddonSchemas schemas() {
        return schemas;
    }

    SchemaBackups backups() {
        return backups;
    }

    AddonRuntime runtime() {
        return runtime;
    }

    RegistryStore registry() {
        return registry;
    }

    Clock clock() {
        return clock;
    }
}
