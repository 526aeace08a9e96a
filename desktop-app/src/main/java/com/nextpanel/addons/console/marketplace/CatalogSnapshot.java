package com.nextpanel.addons.console.marketplace;

import java.util.List;

/**
 * A catalog as loaded: its addons and how it was verified ({@code verification} is a sentence for the
 * status line, e.g. "Signed catalog verified: targets v3 signed by 1 of 1 keys, expires 2027-01-01").
 */
public record CatalogSnapshot(List<AddonListing> listings, String verification) {
    public CatalogSnapshot {
        listings = List.copyOf(listings);
    }
}
