package com.nextpanel.addons.catalog.resolve;

import com.nextpanel.addons.catalog.version.Version;
import com.nextpanel.addons.catalog.version.VersionRange;
import java.util.List;

/** Why a request cannot be planned. Each names the addons, versions and ranges involved. */
public sealed interface Reason {

    /** @return one line for people, e.g. in a 409 answer or the console */
    String message();

    /** @return a stable machine name, e.g. {@code MissingDependency} */
    default String kind() {
        return getClass().getSimpleName();
    }

    /** The catalog has no addon with that id. */
    record UnknownAddon(String id) implements Reason {
        public String message() {
            return "the catalog has no addon '" + id + "'";
        }
    }

    /** The catalog has the addon, but not that version. */
    record UnknownVersion(String id, Version version, List<Version> available) implements Reason {
        public String message() {
            return "the catalog has no version " + version + " of " + id + " (available: " + available + ")";
        }
    }

    /** Install of something installed, or update to the version already installed (or no newer one). */
    record AlreadyInstalled(String id, Version version) implements Reason {
        public String message() {
            return id + " " + version + " is already installed";
        }
    }

    /** Update of something not installed. */
    record NotInstalled(String id) implements Reason {
        public String message() {
            return id + " is not installed";
        }
    }

    /** Update to an older version; migrations only go forward. */
    record Downgrade(String id, Version installed, Version requested) implements Reason {
        public String message() {
            return "cannot update " + id + " from " + installed + " down to " + requested + " (migrations only go forward)";
        }
    }

    /** A required addon is not in the catalog at all. */
    record MissingDependency(String requiredBy, String dependency, VersionRange range) implements Reason {
        public String message() {
            return requiredBy + " requires " + dependency + " " + range + ", which the catalog does not have";
        }
    }

    /**
     * No version of a dependency satisfies the range (among the catalog's, or the installed one).
     *
     * @param available the versions that were considered
     */
    record NoVersionSatisfies(String requiredBy, String dependency, VersionRange range, List<Version> available)
            implements Reason {
        public String message() {
            return requiredBy + " requires " + dependency + " " + range + ", but no version satisfies it (have: "
                    + available + ")";
        }
    }

    /** The dependencies loop back; {@code path} starts and ends with the same id. */
    record Cycle(List<String> path) implements Reason {
        public String message() {
            return "dependency cycle: " + String.join(" -> ", path);
        }
    }

    /** Two addons may not be installed together; {@code declaredBy} is the one that says so. */
    record Conflict(String id, String other, String declaredBy) implements Reason {
        public String message() {
            return id + " conflicts with " + other + " (declared by " + declaredBy + ")";
        }
    }

    /** The addon does not run on this billing core. */
    record CoreIncompatible(String id, Version version, VersionRange range, Version core) implements Reason {
        public String message() {
            return id + " " + version + " requires core " + range + ", but this core is " + core;
        }
    }

    /** A route prefix is already claimed by an installed addon, another planned one, or the core. */
    record RoutePrefixTaken(String id, String prefix, String owner, String ownerPrefix) implements Reason {
        public String message() {
            return id + " claims " + prefix + ", which overlaps " + ownerPrefix + " of " + owner;
        }
    }

    /** Updating would leave an installed addon with a dependency its range no longer accepts. */
    record BreaksDependent(String id, Version version, String dependent, VersionRange range) implements Reason {
        public String message() {
            return "updating " + id + " to " + version + " breaks " + dependent + ", which requires " + id + " " + range;
        }
    }

    /** The search tried too many combinations of versions and gave up; the catalog is pathological. */
    record SearchExhausted(String id, int attempts) implements Reason {
        public String message() {
            return "gave up planning " + id + " after trying " + attempts + " version combinations";
        }
    }
}
