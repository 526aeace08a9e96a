package com.nextpanel.addons.console.marketplace;

import java.util.List;
import java.util.Optional;

/**
 * The details pane of the selected addon, ready to show: every line is already worded.
 *
 * @param versions        each version, newest first, with its changelog when known
 * @param installedVersion the version on this server, if installed
 */
public record ListingDetails(String id, String name, String category, String description, Badge badge,
                             List<String> versions, Optional<String> changelog, List<String> dependencies,
                             List<String> permissions, List<String> tables, List<String> routes, String size,
                             String signedBy, String verification, Optional<String> installedVersion,
                             boolean canInstall, boolean canUpdate, boolean canUninstall) {
}
