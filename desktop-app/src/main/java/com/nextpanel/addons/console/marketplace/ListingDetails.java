package com.nextpanel.addons.console.marketplace;

import java.util.List;
import java.util.Optional;

/**
 * The details pane of the selected addon, ready to show: every line is already worded.
 *
 * @param versions         each version, newest first, with its changelog when known
 * @param size             the selected version's package size as the signed catalog gives it, e.g. "32.4 KB (33,145 bytes)"
 * @param sha256           the selected version's package SHA-256 (lower-case hex) from the verified catalog target:
 *                         what the agent checks the download against; empty when the catalog source does not carry it
 * @param installedVersion the version on this server, if installed
 */
public record ListingDetails(String id, String name, String category, String description, Badge badge,
                             List<String> versions, Optional<String> changelog, List<String> dependencies,
                             List<String> permissions, List<String> tables, List<String> routes, String size,
                             Optional<String> sha256, String signedBy, String verification,
                             Optional<String> installedVersion, boolean canInstall, boolean canUpdate, boolean canUninstall) {

    /** The hash shortened for the eye, "3f2a9c1b4d5e…9a0b1c2d"; the full value is for tooltips and copying. */
    public Optional<String> sha256Short() {
        return sha256.map(h -> h.length() <= 24 ? h : h.substring(0, 12) + "…" + h.substring(h.length() - 8));
    }
}
