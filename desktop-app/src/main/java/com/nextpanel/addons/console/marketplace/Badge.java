package com.nextpanel.addons.console.marketplace;

/** What a card says about an addon on the current server. */
public enum Badge {
    NOT_INSTALLED(""),
    INSTALLED("Installed"),
    UPDATE_AVAILABLE("Update available"),
    DISABLED("Disabled"),
    FAILED("Failed");

    private final String label;

    Badge(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
