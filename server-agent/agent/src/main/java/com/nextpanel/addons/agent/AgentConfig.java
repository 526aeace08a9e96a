package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.host.HostSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code serve} was told.
 *
 * @param dataDir   where the agent keeps its certificate, tokens, H2 file, addons, backups and journal
 * @param bindHost  the address to listen on
 * @param port      the HTTPS port, 0 for any free one
 * @param database  the PostgreSQL database; empty for the embedded H2 file in {@code dataDir}
 * @param catalog   the addon catalog, a directory or an https URL; empty for none
 * @param trustRoot the catalog's trusted {@code root.json}; present exactly when {@code catalog} is
 * @param addonStartTimeout how long an addon's {@code start()} (and first health check) may take before its
 *                          install, update or enable fails and rolls back
 */
public record AgentConfig(Path dataDir, String bindHost, int port, Optional<DatabaseConfig> database,
                          Optional<String> catalog, Optional<Path> trustRoot, Duration addonStartTimeout) {

    public AgentConfig {
        Objects.requireNonNull(addonStartTimeout, "addonStartTimeout");
        if (addonStartTimeout.isNegative() || addonStartTimeout.isZero()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "the addon start timeout must be positive: "
                    + addonStartTimeout);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "port must be 0 to 65535: " + port);
        }
        if (catalog.isPresent() != trustRoot.isPresent()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "--catalog and --trust-root go together");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A local agent on H2 without a catalog: what tests of the core and the server need. */
    public static AgentConfig local(Path dataDir, int port) {
        return new AgentConfig(dataDir, "127.0.0.1", port, Optional.empty(), Optional.empty(), Optional.empty(),
                HostSettings.START_TIMEOUT);
    }

    /** @return the database to use: the given one, else the H2 file in the data dir */
    public DatabaseConfig effectiveDatabase() {
        return database.orElseGet(() -> DatabaseConfig.h2In(dataDir));
    }

    public AgentConfig withDatabase(DatabaseConfig db) {
        return new AgentConfig(dataDir, bindHost, port, Optional.of(db), catalog, trustRoot, addonStartTimeout);
    }

    public AgentConfig withPort(int newPort) {
        return new AgentConfig(dataDir, bindHost, newPort, database, catalog, trustRoot, addonStartTimeout);
    }

    public AgentConfig withCatalog(String newCatalog, Path newTrustRoot) {
        return new AgentConfig(dataDir, bindHost, port, database, Optional.of(newCatalog), Optional.of(newTrustRoot),
                addonStartTimeout);
    }

    public AgentConfig withAddonStartTimeout(Duration timeout) {
        return new AgentConfig(dataDir, bindHost, port, database, catalog, trustRoot, timeout);
    }
}
