package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.semver4j.Semver;

/**
 * Resolves an install or update against the verified catalog and what is installed: the newest compatible
 * version of each addon (core range and every range that requires it), dependencies first; missing
 * dependencies, cycles, conflicts and incompatible versions come back as reasons, all of them, not as the first
 * exception. (Interim over the catalog's signed summaries until the catalog's own resolver is merged.)
 */
final class DependencyResolver {

    private final String coreVersion;

    DependencyResolver(String coreVersion) {
        this.coreVersion = coreVersion;
    }

    /**
     * @param installed the installed addons' manifests by id (disabled ones included: they count as installed)
     * @param id the addon to install or update
     * @param version the exact version wanted, or empty for the newest compatible
     * @param updating whether {@code id} is installed and being replaced
     */
    Resolution resolve(VerifiedCatalog catalog, Map<String, AddonManifest> installed, String id,
                       Optional<String> version, boolean updating) {
        Walk walk = new Walk(catalog, installed, updating ? id : "");
        walk.visit(id, version.map(v -> "=" + v).orElse("*"), version.isPresent(), new ArrayList<>(), "");
        List<CatalogTarget> targets = new ArrayList<>(walk.planned.values());
        List<String> reasons = new ArrayList<>(walk.reasons);
        if (reasons.isEmpty()) {
            conflicts(targets, installed, updating ? id : "", reasons);
            if (updating) {
                dependentsAccept(targets, installed, id, reasons);
            }
        }
        return new Resolution(targets, reasons);
    }

    private final class Walk {
        final VerifiedCatalog catalog;
        final Map<String, AddonManifest> installed;
        final String replacing;
        final Map<String, CatalogTarget> planned = new LinkedHashMap<>();
        final List<String> reasons = new ArrayList<>();

        Walk(VerifiedCatalog catalog, Map<String, AddonManifest> installed, String replacing) {
            this.catalog = catalog;
            this.installed = installed;
            this.replacing = replacing;
        }

        void visit(String id, String range, boolean exact, List<String> path, String requiredBy) {
            if (path.contains(id)) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
                cycle.add(id);
                reasons.add("dependency cycle: " + String.join(" -> ", cycle));
                return;
            }
            AddonManifest present = installed.get(id);
            if (present != null && !id.equals(replacing)) {
                if (!satisfies(present.version(), range)) {
                    reasons.add(requiredBy + " requires " + id + " " + range + " but " + id + " "
                            + present.version() + " is installed");
                }
                return;
            }
            CatalogTarget already = planned.get(id);
            if (already != null) {
                if (!satisfies(already.version(), range)) {
                    reasons.add(requiredBy + " requires " + id + " " + range + " but " + id + " "
                            + already.version() + " is planned");
                }
                return;
            }
            List<CatalogTarget> versions = catalog.byAddon().getOrDefault(id, List.of());
            if (versions.isEmpty()) {
                reasons.add(requiredBy.isEmpty() ? "addon " + id + " is not in the catalog"
                        : "missing dependency: " + requiredBy + " requires " + id + ", which is not in the catalog");
                return;
            }
            CatalogTarget chosen = null;
            List<String> coreMisfits = new ArrayList<>();
            for (int i = versions.size() - 1; i >= 0 && chosen == null; i--) {
                CatalogTarget t = versions.get(i);
                if (!satisfies(t.version(), range)) {
                    continue;
                }
                AddonManifest m = AddonManifest.from(t.summary(), t.path());
                if (!satisfies(coreVersion, m.coreRange())) {
                    coreMisfits.add(id + " " + t.version() + " requires core " + m.coreRange() + " but the core is "
                            + coreVersion);
                    continue;
                }
                chosen = t;
            }
            if (chosen == null) {
                if (!coreMisfits.isEmpty()) {
                    reasons.addAll(coreMisfits);
                } else {
                    reasons.add((requiredBy.isEmpty() ? "" : requiredBy + " requires ") + id + " " + range
                            + (exact ? ": no such version" : ": no version in the catalog matches")
                            + " (catalog has " + versions.stream().map(CatalogTarget::version).toList() + ")");
                }
                return;
            }
            AddonManifest m = AddonManifest.from(chosen.summary(), chosen.path());
            path.add(id);
            for (Map.Entry<String, String> dep : m.requiresAddons().entrySet()) {
                visit(dep.getKey(), dep.getValue(), false, path, id + " " + m.version());
            }
            path.remove(path.size() - 1);
            planned.put(id, chosen);
        }
    }

    private static void conflicts(List<CatalogTarget> targets, Map<String, AddonManifest> installed, String replacing,
                                  List<String> reasons) {
        Map<String, AddonManifest> after = new LinkedHashMap<>(installed);
        for (CatalogTarget t : targets) {
            after.put(t.id(), AddonManifest.from(t.summary(), t.path()));
        }
        for (CatalogTarget t : targets) {
            AddonManifest m = after.get(t.id());
            for (String other : m.conflicts()) {
                if (after.containsKey(other) && !other.equals(m.id())) {
                    reasons.add(m.id() + " " + m.version() + " conflicts with " + other
                            + (installed.containsKey(other) ? ", which is installed" : ", which would be installed"));
                }
            }
            for (AddonManifest other : installed.values()) {
                if (!other.id().equals(t.id()) && !other.id().equals(replacing) && other.conflicts().contains(t.id())
                        && !m.conflicts().contains(other.id())) {
                    reasons.add("installed " + other.id() + " " + other.version() + " conflicts with " + t.id());
                }
            }
        }
    }

    private static void dependentsAccept(List<CatalogTarget> targets, Map<String, AddonManifest> installed, String id,
                                         List<String> reasons) {
        String newVersion = targets.get(targets.size() - 1).version();
        for (AddonManifest other : installed.values()) {
            String range = other.requiresAddons().get(id);
            if (range != null && !satisfies(newVersion, range)) {
                reasons.add("installed " + other.id() + " " + other.version() + " requires " + id + " " + range
                        + ", which " + newVersion + " does not satisfy");
            }
        }
    }

    static boolean satisfies(String version, String range) {
        if (range == null || range.isBlank() || range.equals("*")) {
            return true;
        }
        Semver v = Semver.parse(version);
        if (v == null) {
            return false;
        }
        String r = range.startsWith("=") && !range.startsWith("==") ? range.substring(1) : range;
        try {
            return v.satisfies(r);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
