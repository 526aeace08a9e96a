package com.nextpanel.addons.console.installed;

import com.nextpanel.addons.client.AddonState;
import java.time.Instant;
import java.util.Optional;

/** One row of the Installed table. {@code latest} is the catalog's newest version, empty when unknown. */
public record InstalledRow(String id, String name, String version, AddonState state, Optional<Instant> installedAt,
                           Optional<String> latest, boolean updateAvailable) {
}
