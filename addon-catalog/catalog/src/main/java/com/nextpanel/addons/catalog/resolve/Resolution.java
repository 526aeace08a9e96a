package com.nextpanel.addons.catalog.resolve;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.manifest.Permission;
import com.nextpanel.addons.catalog.version.Version;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The resolver's answer: a plan, or every reason there is none. */
public sealed interface Resolution {

    /**
     * For callers that treat a refusal as an error at their boundary.
     *
     * @return the plan
     * @throws CatalogException {@link ErrorCode#RESOLUTION_FAILED} whose problems are the reasons' messages
     */
    default Plan planOrThrow() {
        if (this instanceof Plan plan) {
            return plan;
        }
        List<String> messages = ((Refused) this).messages();
        throw new CatalogException(ErrorCode.RESOLUTION_FAILED, String.join("; ", messages), messages);
    }

    /**
     * What to do, in order.
     *
     * @param toInstall the packages to install, every dependency before its dependents; the requested
     *                  addon is last
     * @param replaces  for updates: addon id to the installed version each planned package replaces
     */
    record Plan(List<ManifestSummary> toInstall, Map<String, Version> replaces) implements Resolution {

        public Plan {
            toInstall = List.copyOf(toInstall);
            replaces = Collections.unmodifiableMap(new LinkedHashMap<>(replaces));
        }

        /** @return the requested addon's planned package */
        public ManifestSummary target() {
            return toInstall.get(toInstall.size() - 1);
        }

        public List<String> tables() {
            return toInstall.stream().flatMap(s -> s.tables().stream().map(t -> s.id() + "." + t)).toList();
        }

        public List<String> routes() {
            return toInstall.stream().flatMap(s -> s.routes().stream()).toList();
        }

        public List<Permission> permissions() {
            return List.copyOf(new LinkedHashSet<>(toInstall.stream().flatMap(s -> s.permissions().stream()).toList()));
        }
    }

    /** The request cannot be done, for all of these reasons. */
    record Refused(List<Reason> reasons) implements Resolution {
        public Refused {
            reasons = List.copyOf(new LinkedHashSet<>(reasons));
        }

        public List<String> messages() {
            return reasons.stream().map(Reason::message).toList();
        }
    }
}
