package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.JobAction;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /agent/v1/plan} asks: what would this action do?
 *
 * @param action install, update, uninstall, disable or enable
 * @param id the addon
 * @param version the wanted version; empty means the newest compatible one
 */
public record PlanRequest(JobAction action, String id, Optional<String> version) {

    public PlanRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }
}
