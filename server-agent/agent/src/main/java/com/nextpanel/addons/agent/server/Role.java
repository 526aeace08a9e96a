package com.nextpanel.addons.agent.server;

/** What a token may do. */
public enum Role {
    /** Everything: install, update, uninstall, backups, core writes. */
    ADMIN,
    /** Read only: GET and HEAD; anything else answers 403. */
    VIEWER;

    /** @return whether a request with this HTTP method is allowed for the role */
    public boolean allows(String method) {
        return this == ADMIN || "GET".equals(method) || "HEAD".equals(method);
    }
}
