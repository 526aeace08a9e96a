package com.nextpanel.addons.agent.crash;

import static com.nextpanel.addons.agent.crash.CrashCatalog.ADDON;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A job whose every step boundary is crashed: how to bring a fresh server to the state before it (through the
 * API, with jobs of other actions, so the halt switch does not fire there) and how to submit it.
 */
enum CrashScenario {

    /** Installs the newest greeter on an empty server. */
    INSTALL("install") {
        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/marketplace/install", "{\"id\":\"" + ADDON + "\"}");
        }
    },
    /** Updates greeter 1.0.0 to 1.1.0, with the backup first (the default). */
    UPDATE("update") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
        }

        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/marketplace/update", "{\"id\":\"" + ADDON + "\"}");
        }
    },
    /** Uninstalls greeter 1.0.0. */
    UNINSTALL("uninstall") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
        }

        @Override
        String submit(CrashAgent a) {
            return a.submit("DELETE", "/agent/v1/marketplace/uninstall/" + ADDON, "");
        }
    },
    /** Backs up greeter 1.0.0 (its schema and files). */
    ADDON_BACKUP("backup") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
        }

        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/backups", "{\"scope\":\"addon\",\"id\":\"" + ADDON + "\"}");
        }
    },
    /** Backs up the whole server with greeter 1.0.0 installed. */
    FULL_BACKUP("backup") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
        }

        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/backups", "{\"scope\":\"full\"}");
        }
    },
    /** Restores greeter's backup after a row was added: the row goes. */
    ADDON_RESTORE("restore") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
            a.run("POST", "/agent/v1/backups", "{\"scope\":\"addon\",\"id\":\"" + ADDON + "\"}");
            addRow(a);
        }

        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/backups/" + backupId(a, "addon") + "/restore", "");
        }
    },
    /** Restores a full backup taken with greeter 1.0.0 after greeter was updated and a row added. */
    FULL_RESTORE("restore") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
            a.run("POST", "/agent/v1/backups", "{\"scope\":\"full\"}");
            a.run("POST", "/agent/v1/marketplace/update", "{\"id\":\"" + ADDON + "\",\"backup\":false}");
            addRow(a);
        }

        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/backups/" + backupId(a, "full") + "/restore", "");
        }
    };

    private final String action;

    CrashScenario(String action) {
        this.action = action;
    }

    /** @return the job's action as the halt switch names it */
    String action() {
        return action;
    }

    /** Brings a fresh server to the state before the job (default: nothing to do). */
    void prepare(CrashAgent a) {
    }

    /** Submits the job. @return its id */
    abstract String submit(CrashAgent a);

    /** @return {@code action:step:point} for the halt switch */
    String haltAt(String step, String point) {
        return action + ":" + step + ":" + point;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static void installOld(CrashAgent a) {
        a.run("POST", "/agent/v1/marketplace/install", "{\"id\":\"" + ADDON + "\",\"version\":\"" + CrashCatalog.OLD
                + "\"}");
    }

    static void addRow(CrashAgent a) {
        var r = a.post(CrashCatalog.MORE, "{}");
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + CrashCatalog.MORE + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static String backupId(CrashAgent a, String scope) {
        for (JsonNode b : CrashAgent.json(a.get("/agent/v1/backups").body())) {
            if (b.path("scope").asText().equals(scope)) {
                return b.path("backupId").asText();
            }
        }
        throw new IllegalStateException("no " + scope + " backup: " + a.get("/agent/v1/backups").body());
    }
}
