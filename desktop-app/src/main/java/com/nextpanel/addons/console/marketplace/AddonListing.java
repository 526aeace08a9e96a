package com.nextpanel.addons.console.marketplace;

import java.util.List;
import java.util.Optional;

/**
 * One addon of the catalog: its name, category, description, and its versions in ascending order.
 * {@code signedBy} names the keys whose signatures on the catalog counted.
 */
public record AddonListing(String id, String name, String category, String description, List<ListingVersion> versions,
                           List<String> signedBy) {

    public AddonListing {
        name = name == null || name.isBlank() ? id : name;
        category = category == null || category.isBlank() ? "Other" : category;
        description = description == null ? "" : description;
        versions = List.copyOf(versions);
        signedBy = List.copyOf(signedBy);
    }

    public ListingVersion latest() {
        return versions.isEmpty() ? ListingVersion.bare("") : versions.get(versions.size() - 1);
    }

    public Optional<ListingVersion> version(String v) {
        return versions.stream().filter(x -> x.version().equals(v)).findFirst();
    }

    /** @return true when the search text matches its id, name, category or description (case-insensitive) */
    public boolean matches(String lowerCaseQuery) {
        if (lowerCaseQuery.isEmpty()) {
            return true;
        }
        return id.contains(lowerCaseQuery)
                || name.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseQuery)
                || category.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseQuery)
                || description.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseQuery);
    }
}
