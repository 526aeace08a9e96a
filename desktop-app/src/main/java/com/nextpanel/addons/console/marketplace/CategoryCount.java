package com.nextpanel.addons.console.marketplace;

/** A category of the catalog and how many addons it holds, as the category filter lists it. */
public record CategoryCount(String name, int count) {

    /** "Support (12)": the filter's item text. */
    public String label() {
        return name + " (" + count + ")";
    }
}
