package com.nextpanel.addons.agent.crash;

import static com.nextpanel.addons.agent.crash.CrashCatalog.ADDON;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * A job whose every step boundary is crashed: how to bring a fresh server to the state before it (through the
 * API, with jobs of other actions, so the halt switch does not fire there) and how to submit it.
 */
enum CrashScenario {

    /**
     * Installs welcome on an empty server, which brings the newest greeter: two addons' {@code download},
     * {@code stage}, {@code migrate} and {@code activate}, so it reaches every boundary of a one-addon install and the
     * repeated names' second occurrences ({@code install:migrate#2:mid}).
     */
    INSTALL("install") {
        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/marketplace/install", "{\"id\":\"" + CrashCatalog.DEPENDENT + "\"}");
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
    /** Disables greeter 1.0.0: its routes go, its schema and rows stay. */
    DISABLE("disable") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
        }

        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/addons/" + ADDON + "/disable", "{}");
        }
    },
    /** Enables the disabled greeter 1.0.0: its routes answer again. */
    ENABLE("enable") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
            a.run("POST", "/agent/v1/addons/" + ADDON + "/disable", "{}");
        }

        @Override
        String submit(CrashAgent a) {
            return a.submit("POST", "/agent/v1/addons/" + ADDON + "/enable", "{}");
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
    /**
     * Restores greeter 1.0.0's addon backup after greeter was updated to 1.1.0 and a row added: the old version's
     * files, schema, rows and registry row come back over the new version's (a restore across versions).
     */
    ADDON_RESTORE("restore") {
        @Override
        void prepare(CrashAgent a) {
            installOld(a);
            a.run("POST", "/agent/v1/backups", "{\"scope\":\"addon\",\"id\":\"" + ADDON + "\"}");
            a.run("POST", "/agent/v1/marketplace/update", "{\"id\":\"" + ADDON + "\",\"backup\":false}");
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

    /**
     * @param occurrence which step of that name in the job (1 for the first)
     * @return {@code action:step:point} for the halt switch, {@code action:step#n:point} for a later occurrence
     */
    String haltAt(String step, int occurrence, String point) {
        return action + ":" + step + (occurrence == 1 ? "" : "#" + occurrence) + ":" + point;
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
