package com.nextpanel.addons.testsupport.addon;

/**
 * The database an {@link AddonHarness} runs on; the agent supports both, so addon SQL must run on both. A test
 * class runs on each with {@code @ParameterizedClass @EnumSource(HarnessBackend.class)}.
 */
public enum HarnessBackend {

    /** An in-memory H2 database, the agent's default (embedded). */
    H2 {
        @Override
        HarnessDatabase open() {
            return new H2HarnessDatabase();
        }
    },

    /** A fresh database in a throwaway PostgreSQL cluster of the test JVM (needs PostgreSQL installed). */
    POSTGRESQL {
        @Override
        HarnessDatabase open() {
            return new PostgresHarnessDatabase();
        }
    };

    abstract HarnessDatabase open();
}
