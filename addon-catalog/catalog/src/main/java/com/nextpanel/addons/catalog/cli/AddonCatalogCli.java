package com.nextpanel.addons.catalog.cli;

/** The addon-catalog command line (keygen, pack, publish, verify). */
public final class AddonCatalogCli {

    private AddonCatalogCli() {
    }

    public static void main(String[] args) {
        System.err.println("addon-catalog: not built yet");
        System.exit(2);
    }
}
