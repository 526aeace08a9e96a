package com.nextpanel.addons.agent.jobs;

/** What a job does to the server. Every action runs as journaled steps, one job at a time. */
public enum JobAction {
    INSTALL,
    UPDATE,
    UNINSTALL,
    DISABLE,
    ENABLE,
    BACKUP,
    RESTORE
}
