package com.nextpanel.addons.console.addonpages;

import java.util.List;

/**
 * A navigation item an installed addon declares in its manifest's {@code console} section: it appears in
 * the sidebar under {@code parent} (e.g. Support → Live Chats) and shows a table backed by one of the
 * addon's GET routes.
 *
 * @param columns the declared columns; empty means "every field of the rows"
 */
public record NavItem(String addonId, String parent, String title, String icon, String route, List<Column> columns) {

    public NavItem {
        columns = List.copyOf(columns);
    }

    /** One declared column: the row field and its heading. */
    public record Column(String field, String title) {
    }

    public String key() {
        return addonId + ":" + parent + "/" + title;
    }
}
