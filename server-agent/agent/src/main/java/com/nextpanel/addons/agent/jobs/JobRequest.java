package com.nextpanel.addons.agent.jobs;

import java.util.Objects;
import java.util.Optional;

/**
 * A request for a job.
 *
 * @param action what to do
 * @param addonId the addon it is about; for a full {@code BACKUP} the empty string, for {@code RESTORE} the
 *                backup id
 * @param version the wanted version (install, update); empty means the newest compatible one
 * @param backup whether to take a backup before changing anything (updates default to {@code true})
 */
public record JobRequest(JobAction action, String addonId, Optional<String> version, boolean backup) {

    public JobRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(addonId, "addonId");
        Objects.requireNonNull(version, "version");
    }

    public static JobRequest install(String addonId, Optional<String> version) {
        return new JobRequest(JobAction.INSTALL, addonId, version, false);
    }

    public static JobRequest update(String addonId, Optional<String> version, boolean backup) {
        return new JobRequest(JobAction.UPDATE, addonId, version, backup);
    }

    public static JobRequest uninstall(String addonId) {
        return new JobRequest(JobAction.UNINSTALL, addonId, Optional.empty(), false);
    }

    public static JobRequest disable(String addonId) {
        return new JobRequest(JobAction.DISABLE, addonId, Optional.empty(), false);
    }

    public static JobRequest enable(String addonId) {
        return new JobRequest(JobAction.ENABLE, addonId, Optional.empty(), false);
    }
}
