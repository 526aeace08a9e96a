package com.nextpanel.addons.catalog.resolve;

import com.nextpanel.addons.catalog.manifest.CoreRoutes;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.version.Version;
import com.nextpanel.addons.catalog.version.VersionRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans an install or an update against a verified catalog, the installed addons and the core version.
 *
 * <p>It picks the newest version that works: for each addon it tries the candidates newest first and
 * backtracks to older ones when a candidate's own checks or its dependencies fail (depth-first, bounded
 * by {@link #MAX_ATTEMPTS}). Installed addons are kept as they are: a dependency that is installed must
 * already satisfy the range. When nothing works, the answer carries every reason found for the newest
 * candidate, not just the first. The planned list has each dependency before its dependents.
 *
 * <p>Expected problems are values ({@link Resolution.Refused}); the caller turns them into an error.
 */
public final class Resolver {

    /** Upper bound on candidate versions tried in one resolution. */
    public static final int MAX_ATTEMPTS = 10_000;

    private static final Comparator<ManifestSummary> NEWEST_FIRST =
            Comparator.comparing(ManifestSummary::version).reversed();

    private final CatalogView catalog;
    private final Version core;

    public Resolver(CatalogView catalog, Version coreVersion) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.core = Objects.requireNonNull(coreVersion, "coreVersion");
    }

    /**
     * @param installed what is installed now, by id
     */
    public Resolution resolve(Request request, Map<String, ManifestSummary> installed) {
        return new Search(request, installed).run();
    }

    /**
     * @return the ids of the installed addons that require {@code id}, sorted; an uninstall of {@code id}
     *         must be refused while this is not empty
     */
    public static List<String> dependents(Collection<ManifestSummary> installed, String id) {
        return installed.stream()
                .filter(s -> !s.id().equals(id) && s.requires().addons().containsKey(id))
                .map(ManifestSummary::id)
                .sorted()
                .distinct()
                .toList();
    }

    /** One resolution: the request, its context and the attempt counter. */
    private final class Search {
        private final Request request;
        private final Map<String, ManifestSummary> installed;
        /** The installed addons that stay: all of them, minus the one an update replaces. */
        private final Map<String, ManifestSummary> staying;
        private final List<String> path = new ArrayList<>();
        private int attempts;

        Search(Request request, Map<String, ManifestSummary> installed) {
            this.request = request;
            this.installed = Map.copyOf(installed);
            Map<String, ManifestSummary> staying = new LinkedHashMap<>(installed);
            if (request.action() == Request.Action.UPDATE) {
                staying.remove(request.id());
            }
            this.staying = staying;
        }

        Resolution run() {
            String id = request.id();
            Optional<ManifestSummary> current = Optional.ofNullable(installed.get(id));
            List<ManifestSummary> versions = catalog.versions(id);
            List<Reason> refusals = new ArrayList<>();
            if (request.action() == Request.Action.INSTALL && current.isPresent()) {
                refusals.add(new Reason.AlreadyInstalled(id, current.get().version()));
            }
            if (request.action() == Request.Action.UPDATE && current.isEmpty()) {
                refusals.add(new Reason.NotInstalled(id));
            }
            if (versions.isEmpty()) {
                refusals.add(new Reason.UnknownAddon(id));
            }
            if (!refusals.isEmpty()) {
                return new Resolution.Refused(refusals);
            }
            List<ManifestSummary> candidates = topCandidates(id, versions, current, refusals);
            if (!refusals.isEmpty()) {
                return new Resolution.Refused(refusals);
            }
            Outcome outcome = tryCandidates(id, candidates, new LinkedHashMap<>());
            if (outcome instanceof Outcome.Failed failed) {
                return new Resolution.Refused(failed.reasons());
            }
            Map<String, Version> replaces = new LinkedHashMap<>();
            current.ifPresent(c -> replaces.put(id, c.version()));
            return new Resolution.Plan(List.copyOf(((Outcome.Ok) outcome).planned().values()), replaces);
        }

        private List<ManifestSummary> topCandidates(String id, List<ManifestSummary> versions,
                                                    Optional<ManifestSummary> current, List<Reason> refusals) {
            List<Version> available = sortedVersions(versions);
            if (request.version().isPresent()) {
                Version wanted = request.version().get();
                Optional<ManifestSummary> exact = versions.stream().filter(s -> s.version().equals(wanted)).findFirst();
                if (exact.isEmpty()) {
                    refusals.add(new Reason.UnknownVersion(id, wanted, available));
                } else if (current.isPresent() && wanted.compareTo(current.get().version()) == 0) {
                    refusals.add(new Reason.AlreadyInstalled(id, current.get().version()));
                } else if (current.isPresent() && wanted.compareTo(current.get().version()) < 0) {
                    refusals.add(new Reason.Downgrade(id, current.get().version(), wanted));
                }
                return exact.map(List::of).orElse(List.of());
            }
            List<ManifestSummary> newer = versions.stream()
                    .filter(s -> current.isEmpty() || s.version().isNewerThan(current.get().version()))
                    .sorted(NEWEST_FIRST)
                    .toList();
            // Without an explicit version, pre-releases are offered only when nothing stable is.
            List<ManifestSummary> stable = newer.stream().filter(s -> !s.version().isPreRelease()).toList();
            List<ManifestSummary> candidates = stable.isEmpty() ? newer : stable;
            if (candidates.isEmpty()) {
                refusals.add(new Reason.AlreadyInstalled(id, current.orElseThrow().version()));
            }
            return candidates;
        }

        /** Tries the candidates in order; the first that works wins, else the newest one's reasons. */
        private Outcome tryCandidates(String id, List<ManifestSummary> candidates, Map<String, ManifestSummary> planned) {
            List<Reason> newestReasons = null;
            for (ManifestSummary candidate : candidates) {
                if (attempts >= MAX_ATTEMPTS) {
                    return new Outcome.Failed(newestReasons != null ? newestReasons
                            : List.of(new Reason.SearchExhausted(id, attempts)));
                }
                Outcome outcome = tryCandidate(candidate, planned);
                if (outcome instanceof Outcome.Ok) {
                    return outcome;
                }
                if (newestReasons == null) {
                    newestReasons = ((Outcome.Failed) outcome).reasons();
                }
            }
            return new Outcome.Failed(newestReasons == null ? List.of() : newestReasons);
        }

        private Outcome tryCandidate(ManifestSummary candidate, Map<String, ManifestSummary> planned) {
            attempts++;
            List<Reason> dependencyReasons = new ArrayList<>();
            Map<String, ManifestSummary> next = new LinkedHashMap<>(planned);
            path.add(candidate.id());
            try {
                for (Map.Entry<String, VersionRange> dependency : candidate.requires().addons().entrySet()) {
                    Outcome outcome = resolveDependency(candidate, dependency.getKey(), dependency.getValue(), next);
                    if (outcome instanceof Outcome.Ok ok) {
                        next = ok.planned();
                    } else {
                        dependencyReasons.addAll(((Outcome.Failed) outcome).reasons());
                    }
                }
            } finally {
                path.remove(path.size() - 1);
            }
            // Checked after the dependencies so that they are among the others it must not clash with.
            List<Reason> reasons = new ArrayList<>(ownChecks(candidate, next));
            reasons.addAll(dependencyReasons);
            if (!reasons.isEmpty()) {
                return new Outcome.Failed(reasons);
            }
            next.put(candidate.id(), candidate);
            return new Outcome.Ok(next);
        }

        private Outcome resolveDependency(ManifestSummary dependent, String id, VersionRange range,
                                          Map<String, ManifestSummary> planned) {
            String requiredBy = dependent.coordinates();
            int onPath = path.indexOf(id);
            if (onPath >= 0) {
                List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
                cycle.add(id);
                return new Outcome.Failed(List.of(new Reason.Cycle(cycle)));
            }
            ManifestSummary chosen = planned.containsKey(id) ? planned.get(id) : staying.get(id);
            if (chosen != null) {
                return range.isSatisfiedBy(chosen.version()) ? new Outcome.Ok(planned)
                        : new Outcome.Failed(List.of(new Reason.NoVersionSatisfies(requiredBy, id, range,
                        List.of(chosen.version()))));
            }
            List<ManifestSummary> versions = catalog.versions(id);
            if (versions.isEmpty()) {
                return new Outcome.Failed(List.of(new Reason.MissingDependency(requiredBy, id, range)));
            }
            List<ManifestSummary> candidates = versions.stream()
                    .filter(s -> range.isSatisfiedBy(s.version()))
                    .sorted(NEWEST_FIRST)
                    .toList();
            if (candidates.isEmpty()) {
                return new Outcome.Failed(List.of(new Reason.NoVersionSatisfies(requiredBy, id, range,
                        sortedVersions(versions))));
            }
            return tryCandidates(id, candidates, planned);
        }

        /** Core compatibility, conflicts both ways, route prefixes, and installed addons that need this one. */
        private List<Reason> ownChecks(ManifestSummary c, Map<String, ManifestSummary> planned) {
            List<Reason> reasons = new ArrayList<>();
            if (!c.requires().core().isSatisfiedBy(core)) {
                reasons.add(new Reason.CoreIncompatible(c.id(), c.version(), c.requires().core(), core));
            }
            for (String prefix : c.routes()) {
                for (String corePrefix : CoreRoutes.PREFIXES) {
                    if (CoreRoutes.overlaps(prefix, corePrefix)) {
                        reasons.add(new Reason.RoutePrefixTaken(c.id(), prefix, "core", corePrefix));
                    }
                }
            }
            List<ManifestSummary> others = new ArrayList<>(staying.values());
            others.addAll(planned.values());
            for (ManifestSummary other : others) {
                if (other.id().equals(c.id())) {
                    continue;
                }
                if (c.conflicts().contains(other.id())) {
                    reasons.add(new Reason.Conflict(c.id(), other.id(), c.id()));
                }
                if (other.conflicts().contains(c.id())) {
                    reasons.add(new Reason.Conflict(c.id(), other.id(), other.id()));
                }
                for (String prefix : c.routes()) {
                    for (String taken : other.routes()) {
                        if (CoreRoutes.overlaps(prefix, taken)) {
                            reasons.add(new Reason.RoutePrefixTaken(c.id(), prefix, other.id(), taken));
                        }
                    }
                }
            }
            for (ManifestSummary dependent : staying.values()) {
                VersionRange needed = dependent.requires().addons().get(c.id());
                if (needed != null && !needed.isSatisfiedBy(c.version())) {
                    reasons.add(new Reason.BreaksDependent(c.id(), c.version(), dependent.id(), needed));
                }
            }
            return reasons;
        }
    }

    private static List<Version> sortedVersions(List<ManifestSummary> versions) {
        return versions.stream().map(ManifestSummary::version).sorted().toList();
    }

    private sealed interface Outcome {
        record Ok(Map<String, ManifestSummary> planned) implements Outcome {
        }

        record Failed(List<Reason> reasons) implements Outcome {
        }
    }
}
