package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.resolve.CatalogView;
import com.nextpanel.addons.catalog.version.Version;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalog as a TUF client verified it: every package target and the state of each role. Immutable.
 *
 * @param targets   every package, ordered by addon id and then by ascending SemVer version
 * @param root      version, expiry and signers of the trusted root
 * @param timestamp version, expiry and signers of timestamp.json
 * @param snapshot  version, expiry and signers of snapshot.json
 * @param targetsRole version, expiry and the key ids that signed targets.json (the console's signature status)
 */
public record VerifiedCatalog(List<CatalogTarget> targets, RoleStatus root, RoleStatus timestamp, RoleStatus snapshot,
                              RoleStatus targetsRole) {

    private static final Comparator<CatalogTarget> ORDER = Comparator.comparing(CatalogTarget::id)
            .thenComparing(t -> t.manifest().version())
            .thenComparing(CatalogTarget::path);

    public VerifiedCatalog {
        List<CatalogTarget> sorted = new ArrayList<>(targets);
        sorted.sort(ORDER);
        targets = List.copyOf(sorted);
    }

    /** The catalog as the resolver sees it. */
    public CatalogView view() {
        return CatalogView.of(targets.stream().map(CatalogTarget::manifest).toList());
    }

    /** @return every addon id with its versions in ascending order */
    public Map<String, List<CatalogTarget>> byAddon() {
        Map<String, List<CatalogTarget>> grouped = new TreeMap<>();
        for (CatalogTarget t : targets) {
            grouped.computeIfAbsent(t.id(), k -> new ArrayList<>()).add(t);
        }
        Map<String, List<CatalogTarget>> out = new LinkedHashMap<>();
        grouped.forEach((id, list) -> out.put(id, List.copyOf(list)));
        return Collections.unmodifiableMap(out);
    }

    public Optional<CatalogTarget> find(String id, Version version) {
        return targets.stream().filter(t -> t.id().equals(id) && t.manifest().version().equals(version)).findFirst();
    }

    /** @param version a SemVer text; empty when it does not parse or is not listed */
    public Optional<CatalogTarget> find(String id, String version) {
        return Version.tryParse(version).flatMap(v -> find(id, v));
    }

    public Optional<CatalogTarget> findByPath(String path) {
        return targets.stream().filter(t -> t.path().equals(path)).findFirst();
    }

    /** @return the highest version of {@code id} */
    public Optional<CatalogTarget> latest(String id) {
        List<CatalogTarget> versions = byAddon().getOrDefault(id, List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** @return the key ids whose signatures on targets.json counted */
    public List<String> targetsSignedBy() {
        return targetsRole.signedBy();
    }
}
