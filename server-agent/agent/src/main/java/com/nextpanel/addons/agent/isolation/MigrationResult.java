package com.nextpanel.addons.agent.isolation;

import java.util.List;
import java.util.Optional;

/**
 * What one Flyway run did in an addon's schema.
 *
 * @param addonId the addon
 * @param applied the migrations applied now, e.g. {@code 2 add_sessions}, in order
 * @param version the schema version afterwards; empty when the addon has no migration
 */
public record MigrationResult(String addonId, List<String> applied, Optional<String> version) {

    public MigrationResult {
        applied = List.copyOf(applied);
    }
}
