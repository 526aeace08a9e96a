package com.nextpanel.addons.samples.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC on an addon's data source: parameterised statements only, one connection per call, or one per
 * {@link #transaction}. The SQL the samples write runs unchanged on H2 2.x and PostgreSQL 15.
 */
public final class Db {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Db transaction) throws SQLException;
    }

    /** Where a {@link Db} gets its connection, and whether it closes it after each call. */
    private interface Connections {
        Connection open() throws SQLException;

        void release(Connection connection) throws SQLException;
    }

    private final Connections connections;

    /** @param dataSource the addon's data source ({@code AddonContext.dataSource()}) */
    public Db(DataSource dataSource) {
        this(new Connections() {
            @Override
            public Connection open() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void release(Connection connection) throws SQLException {
                connection.close();
            }
        });
    }

    private Db(Connections connections) {
        this.connections = connections;
    }

    /** @return every row the query returns, mapped */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return withStatement(sql, false, params, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    /** @return the first row the query returns, mapped, if any */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        return withStatement(sql, false, params, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
            }
        });
    }

    /** @return the single number a {@code SELECT COUNT(*)} (or similar) query returns */
    public long count(String sql, Object... params) throws SQLException {
        return first(sql, row -> row.getLong(1), params).orElse(0L);
    }

    /**
     * Runs an {@code INSERT} into a table whose first column is its identity {@code id}.
     *
     * @return the generated id
     */
    public long insert(String sql, Object... params) throws SQLException {
        return withStatement(sql, true, params, statement -> {
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        });
    }

    /** @return the number of rows an {@code UPDATE} or {@code DELETE} changed */
    public int update(String sql, Object... params) throws SQLException {
        return withStatement(sql, false, params, PreparedStatement::executeUpdate);
    }

    /**
     * Runs {@code work} in one transaction on one connection: committed when it returns, rolled back when it
     * throws.
     */
    public <T> T transaction(Work<T> work) throws SQLException {
        Connection connection = connections.open();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Db(new Connections() {
                    @Override
                    public Connection open() {
                        return connection;
                    }

                    @Override
                    public void release(Connection ignored) {
                        // the transaction owns the connection
                    }
                }));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } finally {
            connections.release(connection);
        }
    }

    /** @return the column as a time, or null when it is SQL NULL */
    public static OffsetDateTime time(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class);
    }

    /** @return the column as a Long, or null when it is SQL NULL */
    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private <T> T withStatement(String sql, boolean keys, Object[] params, StatementWork<T> work)
            throws SQLException {
        Connection connection = connections.open();
        try (PreparedStatement statement = keys
                ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return work.run(statement);
        } finally {
            connections.release(connection);
        }
    }
}
