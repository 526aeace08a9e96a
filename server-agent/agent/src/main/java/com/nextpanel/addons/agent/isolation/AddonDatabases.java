package com.nextpanel.addons.agent.isolation;

import com.nextpanel.addons.agent.db.Dialect;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.db.Database;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each addon's own schema {@code addon_<id>} and database role, on H2 and PostgreSQL alike.
 *
 * <p>The role owns its schema and can reach nothing else but the core tables its declared permissions grant. Its
 * password is random, made when the addon's data source is opened and set on the role then; it lives only in this
 * process's memory (nothing stores it), and the next process sets a new one. Migrations run through Flyway as the
 * addon's own role, so a migration can no more touch the core than the addon's code can; the history table lives
 * in the addon's schema; on PostgreSQL all pending migrations run in one transaction.
 */
public final class AddonDatabases implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AddonDatabases.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,39}");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final int POOL_SIZE = 4;
    /** H2 settings that decide how a session parses names; they must match the agent's and need no admin. */
    private static final java.util.Set<String> H2_SESSION_SETTINGS = java.util.Set.of("DATABASE_TO_LOWER",
            "DATABASE_TO_UPPER", "CASE_INSENSITIVE_IDENTIFIERS", "MODE");

    private final DataSource admin;
    private final String addonJdbcUrl;
    private final Dialect dialect;
    private final IsolationSql sql;
    private final boolean upperCase;
    private final Map<String, HikariDataSource> pools = new HashMap<>();

    /**
     * @param admin connects as the agent's own (administrator) user: it creates schemas and roles and grants
     * @param jdbcUrl the URL the addons' pools connect to with their own roles (the same database)
     */
    public AddonDatabases(DataSource admin, String jdbcUrl) {
        this.admin = admin;
        try (Connection c = admin.getConnection()) {
            this.dialect = dialectOf(c);
            this.upperCase = c.getMetaData().storesUpperCaseIdentifiers();
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot reach the database: " + e.getMessage(), e);
        }
        this.sql = IsolationSql.of(dialect);
        this.addonJdbcUrl = addonUrl(dialect, jdbcUrl);
    }

    /**
     * The URL the addons' pools use: the admin's without its credentials and, on H2, without database settings
     * ({@code ;DB_CLOSE_DELAY=...}, {@code ;MODE=...}), which H2 runs as admin-only {@code SET} commands when the
     * database is already open, as it is while the agent's pool holds it.
     */
    static String addonUrl(Dialect dialect, String url) {
        if (dialect == Dialect.H2) {
            String[] parts = url.split(";");
            StringBuilder addonUrl = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                String key = parts[i].split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
                if (H2_SESSION_SETTINGS.contains(key)) {
                    addonUrl.append(';').append(parts[i]);
                }
            }
            return addonUrl.append(";IFEXISTS=TRUE").toString();
        }
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        String kept = java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.toLowerCase(Locale.ROOT).startsWith("user=")
                        && !p.toLowerCase(Locale.ROOT).startsWith("password="))
                .collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    /**
     * @param database the agent's database (its pool connects as the owner of {@code billing}, who may create
     *        schemas and roles)
     */
    public AddonDatabases(Database database) {
        this(database.dataSource(), database.config().jdbcUrl());
    }

    /**
     * @return the dialect of the database {@code connection} talks to
     * @throws IllegalArgumentException for any other database
     */
    static Dialect dialectOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return Dialect.H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database: " + product + " (H2 or PostgreSQL only)");
    }

    /** @return the database's dialect */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Creates the addon's schema and role (if they do not exist yet) and makes its grants exactly those of
     * {@code permissions}: new ones are granted, ones no longer declared revoked. Running it again with the previous
     * permissions undoes an update's change.
     *
     * @param id the addon id
     * @param permissions e.g. {@code billing.customers:read}; other kinds of permission are ignored here
     * @return where the addon lives
     * @throws AgentException {@code BAD_REQUEST} for a malformed id or permission or a permission naming a table
     *         that does not exist (then nothing changed); {@code INTERNAL} when the database refuses
     */
    public synchronized AddonDatabase provision(String id, Collection<String> permissions) {
        checkId(id);
        List<TableGrant> grants = parse(id, permissions);
        String schema = name("addon_" + id);
        try (Connection c = admin.getConnection()) {
            String role = name(sql.roleName(c, id));
            for (TableGrant grant : grants) {
                if (!tableExists(c, name(grant.schema()), name(grant.table()))) {
                    throw new AgentException(ErrorCode.BAD_REQUEST, "addon " + id + " asks for permission " + grant
                            + " but table " + grant.qualifiedTable() + " does not exist");
                }
            }
            boolean created = !schemaExists(c, schema);
            inTransaction(c, () -> {
                if (created) {
                    if (sql.roleExists(c, role)) {
                        // A role without its schema is what an interrupted drop leaves: start from scratch.
                        sql.drop(c, role, schema);
                    }
                    sql.create(c, role, schema, password());
                } else {
                    sql.revokeOutside(c, role, schema);
                }
                for (TableGrant grant : grants) {
                    sql.grant(c, role, name(grant.schema()), name(grant.table()), grant);
                }
            }, () -> {
                if (created) {
                    sql.drop(c, role, schema);
                }
            });
            LOG.info("addon {}: schema {} and role {} {} with grants {}", id, schema, role,
                    created ? "created" : "kept", grants);
            return new AddonDatabase(id, schema, role, grants);
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot provision the database of addon " + id + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Applies the addon's pending migrations from a staged {@code migrations/} directory, as the addon's role.
     *
     * @param migrationsDir the directory of {@code V<n>__<name>.sql}; a missing directory means no migrations
     * @throws AgentException {@code BAD_REQUEST} naming the failed migration; on PostgreSQL nothing of this run is
     *         left, on H2 (whose DDL commits) the migrations before the failed one stay applied
     */
    public MigrationResult migrate(AddonDatabase database, Path migrationsDir) {
        String id = database.addonId();
        if (!Files.isDirectory(migrationsDir)) {
            return new MigrationResult(id, List.of(), currentVersion(database));
        }
        java.util.Set<String> withForeignKeys = checkForeignKeys(id, database.schema(), database.grants(),
                migrationsDir);
        ForeignKeyRights rights = sql.foreignKeysNeedRights() && !withForeignKeys.isEmpty()
                ? new ForeignKeyRights(admin, sql, database.role(), withForeignKeys) : null;
        try {
            MigrateResult result = flyway(database, migrationsDir, rights).migrate();
            List<String> applied = result.migrations.stream().map(m -> m.version + " " + m.description).toList();
            return new MigrationResult(id, applied, Optional.ofNullable(result.targetSchemaVersion));
        } catch (FlywayException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "migration of addon " + id + " failed: " + e.getMessage(), e);
        } finally {
            if (rights != null) {
                try {
                    rights.revoke();
                } catch (SQLException e) {
                    LOG.error("addon {}: cannot revoke the foreign key rights of {}; the next start does", id,
                            database.role(), e);
                }
            }
        }
    }

    /**
     * Checks, before anything changes, that every foreign key the migrations declare to a table outside the addon's
     * schema names a table one of its permissions grants ({@code :read} or {@code :write}).
     *
     * @throws AgentException {@code BAD_REQUEST} naming the migration, the table and the permission to declare
     */
    public void checkForeignKeys(String id, Collection<String> permissions, Path migrationsDir) {
        checkId(id);
        checkForeignKeys(id, name("addon_" + id), parse(id, permissions), migrationsDir);
    }

    /** @return the file names of the migrations that declare a foreign key outside the addon's schema */
    private java.util.Set<String> checkForeignKeys(String id, String schema, List<TableGrant> grants, Path dir) {
        java.util.Set<String> files = new java.util.TreeSet<>();
        for (ForeignKeyScan.Reference ref : ForeignKeyScan.outside(dir, schema)) {
            if (grants.stream().noneMatch(g -> g.qualifiedTable().equalsIgnoreCase(ref.qualifiedTable()))) {
                throw new AgentException(ErrorCode.BAD_REQUEST, "addon " + id + ": migrations/" + ref.file()
                        + " declares a foreign key to " + ref.qualifiedTable() + ", but the addon has no permission on"
                        + " that table (declare " + ref.qualifiedTable() + ":read in addon.json)");
            }
            files.add(ref.file());
        }
        if (sql.foreignKeysNeedRights()) {
            for (String file : files) {
                ForeignKeyScan.checkElevatable(id, dir.resolve(file), schema, grants);
            }
        }
        return files;
    }

    private Optional<String> currentVersion(AddonDatabase database) {
        try (Connection c = admin.getConnection()) {
            if (!tableExists(c, database.schema(), name(HISTORY_TABLE))) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot read addon " + database.addonId() + "'s schema", e);
        }
        return Optional.ofNullable(flyway(database, null, null).info().current())
                .map(m -> m.getVersion().getVersion());
    }

    private Flyway flyway(AddonDatabase database, Path migrationsDir, ForeignKeyRights rights) {
        var config = Flyway.configure()
                .dataSource(dataSource(database.addonId()))
                .schemas(database.schema())
                .defaultSchema(database.schema())
                .createSchemas(false)
                .table(name(HISTORY_TABLE))
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(false)
                .group(dialect == Dialect.POSTGRESQL);
        config = migrationsDir == null ? config.locations(new String[0])
                : config.locations("filesystem:" + migrationsDir.toAbsolutePath());
        if (rights != null) {
            config = config.callbacks(rights);
        }
        return config.load();
    }

    /**
     * @return a small pool connecting as the addon's role with its schema as the default; opened on first use
     *         (setting a fresh password on the role) and kept until {@link #close(String)} or {@link #drop}
     * @throws AgentException {@code NOT_FOUND} when the addon has no schema
     */
    public synchronized DataSource dataSource(String id) {
        checkId(id);
        HikariDataSource pool = pools.get(id);
        if (pool != null) {
            return pool;
        }
        String schema = name("addon_" + id);
        String password = password();
        String role;
        try (Connection c = admin.getConnection()) {
            if (!schemaExists(c, schema)) {
                throw new AgentException(ErrorCode.NOT_FOUND, "addon " + id + " has no database schema " + schema);
            }
            role = name(sql.roleName(c, id));
            sql.setPassword(c, role, password);
            sql.revokeForeignKeyRights(c, role); // left by a process that died during a migration
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot open the database of addon " + id + ": "
                    + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("addon-" + id);
        config.setJdbcUrl(addonJdbcUrl);
        config.setUsername(role);
        config.setPassword(password);
        config.setSchema(schema);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        pool = new HikariDataSource(config);
        pools.put(id, pool);
        return pool;
    }

    /** Closes the addon's pool (deactivation); its schema, role and rows stay. */
    public synchronized void close(String id) {
        HikariDataSource pool = pools.remove(id);
        if (pool != null) {
            pool.close();
        }
    }

    /**
     * Removes the addon's schema with all its tables, its role and every grant: the database catalog is as before
     * {@link #provision}. Idempotent.
     */
    public synchronized void drop(String id) {
        checkId(id);
        close(id);
        String schema = name("addon_" + id);
        try (Connection c = admin.getConnection()) {
            String role = name(sql.roleName(c, id));
            inTransaction(c, () -> sql.drop(c, role, schema), () -> { });
            LOG.info("addon {}: schema {} and role {} dropped", id, schema, role);
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot drop the database of addon " + id + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return whether the addon has a schema */
    public boolean exists(String id) {
        checkId(id);
        try (Connection c = admin.getConnection()) {
            return schemaExists(c, name("addon_" + id));
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot read the database catalog: " + e.getMessage(), e);
        }
    }

    /** Closes every addon pool; schemas and roles stay. */
    @Override
    public synchronized void close() {
        new ArrayList<>(pools.keySet()).forEach(this::close);
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs {@code work} in one transaction where DDL is transactional; elsewhere undoes by hand on failure. */
    private void inTransaction(Connection c, SqlWork work, SqlWork undo) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        boolean tx = sql.transactionalDdl();
        if (tx) {
            c.setAutoCommit(false);
        }
        try {
            work.run();
            if (tx) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (tx) {
                c.rollback();
            } else {
                try {
                    undo.run();
                } catch (SQLException undoFailure) {
                    e.addSuppressed(undoFailure);
                }
            }
            throw e;
        } finally {
            if (tx) {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private List<TableGrant> parse(String id, Collection<String> permissions) {
        LinkedHashSet<TableGrant> grants = new LinkedHashSet<>();
        for (String permission : permissions) {
            try {
                grants.add(TableGrant.parse(permission));
            } catch (IllegalArgumentException e) {
                throw new AgentException(ErrorCode.BAD_REQUEST, "addon " + id + ": " + e.getMessage());
            }
        }
        // write includes read: drop a read that a write of the same table covers
        return grants.stream().filter(g -> g.write() || !grants.contains(new TableGrant(g.schema(), g.table(), true)))
                .toList();
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "malformed addon id '" + id + "'");
        }
    }

    /** @return the name as the database stores an unquoted identifier */
    String name(String lowerCase) {
        return upperCase ? lowerCase.toUpperCase(Locale.ROOT) : lowerCase;
    }

    // Metadata patterns treat '_' as a wildcard: compare the names exactly.
    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (ResultSet rs = c.getMetaData().getSchemas(null, schema)) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, schema, table, null)) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM")) && table.equals(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String password() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
