package com.nextpanel.addons.console;

import java.util.Optional;

/**
 * One entry of the sidebar: a built-in page or an addon's page. {@code section} groups addon pages under
 * their declared parent (Support → Live Chats); built-in pages have none.
 */
public record NavEntry(String key, String title, String iconLiteral, Optional<String> section) {

    public static final String SERVERS = "servers";
    public static final String MARKETPLACE = "marketplace";
    public static final String INSTALLED = "installed";
    public static final String JOBS = "jobs";
    public static final String BACKUPS = "backups";

    public boolean isAddonPage() {
        return section.isPresent();
    }
}
