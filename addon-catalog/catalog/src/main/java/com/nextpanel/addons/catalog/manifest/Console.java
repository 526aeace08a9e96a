package com.nextpanel.addons.catalog.manifest;

import java.util.List;

/**
 * What an addon adds to the desktop console: navigation items, each opening a declarative view.
 * An addon without console items has {@link #NONE}.
 */
public record Console(List<NavigationItem> navigation) {

    public static final Console NONE = new Console(List.of());

    public Console {
        navigation = navigation == null ? List.of() : List.copyOf(navigation);
    }

    /**
     * One entry in the console's navigation, e.g. Support → Live Chats.
     *
     * @param parent the group it sits under ("Support")
     * @param label  its text ("Live Chats")
     * @param icon   an icon name (Feather icon names, e.g. {@code message-circle}); empty for none
     * @param view   what it opens
     */
    public record NavigationItem(String parent, String label, String icon, View view) {
        public NavigationItem {
            icon = icon == null ? "" : icon;
        }
    }

    /**
     * A declarative view. The only type is {@code table}: rows fetched from one of the addon's GET
     * routes (a JSON array of objects), one column per field.
     */
    public record View(String type, String route, List<Column> columns) {

        public static final String TABLE = "table";

        public View {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /** A table column: which JSON field of a row, under which heading. */
    public record Column(String field, String label) {
    }
}
