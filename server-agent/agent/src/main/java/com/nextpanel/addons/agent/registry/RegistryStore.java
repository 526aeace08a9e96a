package com.nextpanel.addons.agent.registry;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The registry table {@code agent.addons}. Reads use the pool; writes take the commit transaction of a job, so
 * the registry row and the job's commit land together. An addon that should be enabled but could not be loaded
 * at start is reported {@code FAILED} (kept in memory: the next start tries again).
 */
public final class RegistryStore implements InstalledAddons {

    private final DataSource dataSource;
    private final Set<String> failedAtRuntime = ConcurrentHashMap.newKeySet();

    public RegistryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<InstalledAddon> list() {
        return rows().stream().map(this::toInstalled).toList();
    }

    @Override
    public Optional<InstalledAddon> find(String id) {
        return row(id).map(this::toInstalled);
    }

    /** @return every row, ordered by id */
    public List<RegistryRow> rows() {
        return query("SELECT * FROM agent.addons ORDER BY addon_id");
    }

    public Optional<RegistryRow> row(String id) {
        return query("SELECT * FROM agent.addons WHERE addon_id = ?", id).stream().findFirst();
    }

    /** Marks an enabled addon that failed to load ({@code true}) or that loads again ({@code false}). */
    public void markFailed(String id, boolean failed) {
        if (failed) {
            failedAtRuntime.add(id);
        } else {
            failedAtRuntime.remove(id);
        }
    }

    /** Inserts or replaces the row of {@code id} on the commit transaction; an update keeps {@code installed_at}. */
    public static void upsert(Connection tx, String id, String version, AddonState state, Instant now,
                              String manifestJson) throws SQLException {
        int updated;
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE agent.addons SET version = ?, state = ?, updated_at = ?, manifest = ? WHERE addon_id = ?")) {
            ps.setString(1, version);
            ps.setString(2, state.name());
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, manifestJson);
            ps.setString(5, id);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = tx.prepareStatement("INSERT INTO agent.addons"
                    + " (addon_id, version, state, installed_at, updated_at, manifest) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, version);
                ps.setString(3, state.name());
                ps.setLong(4, now.toEpochMilli());
                ps.setLong(5, now.toEpochMilli());
                ps.setString(6, manifestJson);
                ps.executeUpdate();
            }
        }
    }

    /** Sets the state of an installed addon on the commit transaction. */
    public static void setState(Connection tx, String id, AddonState state, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE agent.addons SET state = ?, updated_at = ? WHERE addon_id = ?")) {
            ps.setString(1, state.name());
            ps.setLong(2, now.toEpochMilli());
            ps.setString(3, id);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("addon " + id + " is not in the registry");
            }
        }
    }

    /** Removes the row of {@code id} on the commit transaction. */
    public static void delete(Connection tx, String id) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM agent.addons WHERE addon_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private InstalledAddon toInstalled(RegistryRow r) {
        AddonState state = r.state() == AddonState.ENABLED && failedAtRuntime.contains(r.id()) ? AddonState.FAILED
                : r.state();
        return new InstalledAddon(r.id(), r.version(), state, r.installedAt());
    }

    private List<RegistryRow> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<RegistryRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RegistryRow(rs.getString("addon_id"), rs.getString("version"),
                            AddonState.valueOf(rs.getString("state")), Instant.ofEpochMilli(rs.getLong("installed_at")),
                            rs.getString("manifest")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "registry: " + e.getMessage(), e);
        }
    }
}
