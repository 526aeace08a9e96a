package com.nextpanel.addons.console.marketplace;

/** How the marketplace orders its cards. */
public enum SortOrder {
    NAME("Name"),
    CATEGORY("Category"),
    INSTALLED_FIRST("Installed first"),
    MOST_VERSIONS("Most versions");

    private final String label;

    SortOrder(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
