package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.registry.AddonState;
import com.nextpanel.addons.agent.registry.RegistryRow;
import com.nextpanel.addons.agent.registry.RegistryStore;
import com.nextpanel.addons.catalog.manifest.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, after recovery and before serving: loads every installed, enabled addon (dependencies first) and
 * registers its routes. An addon whose files are missing or broken, or whose start fails, is reported
 * {@code FAILED} and the server starts anyway; disabled addons stay out.
 */
public final class AddonBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AddonBootstrap.class);

    private final RegistryStore registry;
    private final AddonRuntime runtime;
    private final AddonDirs dirs;

    public AddonBootstrap(RegistryStore registry, AddonRuntime runtime, AddonDirs dirs) {
        this.registry = registry;
        this.runtime = runtime;
        this.dirs = dirs;
    }

    /** What the start-up loaded. */
    public record Report(List<String> loaded, Map<String, String> failed, List<String> disabled) {
    }

    public Report loadInstalled() {
        List<String> loaded = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> disabled = new ArrayList<>();
        for (RegistryRow row : dependenciesFirst(registry.rows())) {
            if (row.state() == AddonState.DISABLED) {
                disabled.add(row.id());
                continue;
            }
            Path dir = dirs.staged(row.id(), row.version());
            try {
                Manifest m = Manifests.staged(dir);
                if (!m.id().equals(row.id()) || !m.version().toString().equals(row.version())) {
                    throw new IllegalStateException(dir + " holds " + m.id() + " " + m.version());
                }
                for (String dep : m.requires().addons().keySet()) {
                    if (failed.containsKey(dep) || runtime.activeVersion(dep).isEmpty()) {
                        throw new IllegalStateException("its dependency " + dep + " is not running");
                    }
                }
                runtime.activate(m, dir);
                registry.markFailed(row.id(), false);
                loaded.add(row.id());
            } catch (Exception e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                registry.markFailed(row.id(), true);
                failed.put(row.id(), why);
                LOG.warn("addon {} {} could not be loaded and is marked FAILED: {}", row.id(), row.version(), why);
            }
        }
        return new Report(loaded, failed, disabled);
    }

    private static List<RegistryRow> dependenciesFirst(List<RegistryRow> rows) {
        Map<String, RegistryRow> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<RegistryRow> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RegistryRow r : rows) {
            visit(r, byId, seen, out);
        }
        return out;
    }

    private static void visit(RegistryRow r, Map<String, RegistryRow> byId, java.util.Set<String> seen,
                              List<RegistryRow> out) {
        if (!seen.add(r.id())) {
            return;
        }
        try {
            Manifest m = r.manifest();
            for (String dep : m.requires().addons().keySet()) {
                RegistryRow d = byId.get(dep);
                if (d != null) {
                    visit(d, byId, seen, out);
                }
            }
        } catch (RuntimeException e) {
            // a broken row is loaded (and fails) in its turn
        }
        out.add(r);
    }
}
