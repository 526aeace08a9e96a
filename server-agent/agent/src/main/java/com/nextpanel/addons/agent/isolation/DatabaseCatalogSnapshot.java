package com.nextpanel.addons.agent.isolation;

import com.nextpanel.addons.agent.db.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What a database holds, as sorted lines per kind — schemas, tables, columns, sequences, indexes, constraints,
 * users or roles, grants — read from {@code INFORMATION_SCHEMA} (H2) or {@code pg_catalog} (PostgreSQL). Two snapshots
 * are equal when the catalog is identical; {@link #differences} names what changed. Rows are not compared.
 * PostgreSQL access lists are compared by meaning: a missing list reads as the owner's default list
 * ({@code acldefault}), as a GRANT followed by its REVOKE leaves an explicit list with the same content.
 */
public final class DatabaseCatalogSnapshot {

    private static final Map<String, String> H2 = new TreeMap<>(Map.of(
            "schemas", "SELECT SCHEMA_NAME, SCHEMA_OWNER FROM INFORMATION_SCHEMA.SCHEMATA",
            "tables", "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE UPPER(TABLE_SCHEMA) <> 'INFORMATION_SCHEMA'",
            "columns", "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_SCHEMA) <> 'INFORMATION_SCHEMA'",
            "sequences", "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES",
            "indexes", "SELECT INDEX_SCHEMA, TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES",
            "constraints", "SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
                    + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS",
            "users", "SELECT USER_NAME, IS_ADMIN FROM INFORMATION_SCHEMA.USERS",
            "roles", "SELECT ROLE_NAME FROM INFORMATION_SCHEMA.ROLES",
            "grants", "SELECT GRANTEE, GRANTEETYPE, GRANTEDROLE, RIGHTS, TABLE_SCHEMA, TABLE_NAME"
                    + " FROM INFORMATION_SCHEMA.RIGHTS"));

    private static final String PG_USER_NAMESPACES = " n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
    private static final Map<String, String> POSTGRES = new TreeMap<>(Map.of(
            "schemas", "SELECT n.nspname, pg_get_userbyid(n.nspowner),"
                    + " COALESCE(n.nspacl, acldefault('n', n.nspowner))::text FROM pg_namespace n WHERE"
                    + PG_USER_NAMESPACES,
            "tables", "SELECT n.nspname, c.relname, c.relkind, pg_get_userbyid(c.relowner) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','f') AND"
                    + PG_USER_NAMESPACES,
            "columns", "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE a.attnum > 0 AND NOT a.attisdropped"
                    + " AND c.relkind IN ('r','p','v','m','f') AND" + PG_USER_NAMESPACES,
            "sequences", "SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND" + PG_USER_NAMESPACES,
            "indexes", "SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes n"
                    + " WHERE schemaname NOT LIKE 'pg\\_%' AND schemaname <> 'information_schema'",
            "constraints", "SELECT n.nspname, c.conname, c.contype, pg_get_constraintdef(c.oid) FROM pg_constraint c"
                    + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE" + PG_USER_NAMESPACES,
            "roles", "SELECT rolname, rolcanlogin, rolsuper FROM pg_roles",
            "grants", "SELECT 'relation', n.nspname, c.relname, COALESCE(c.relacl, acldefault(CASE c.relkind"
                    + " WHEN 'S' THEN 's'::\"char\" ELSE 'r'::\"char\" END, c.relowner))::text FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','f','S') AND"
                    + PG_USER_NAMESPACES
                    + " UNION ALL SELECT 'database', datname, '', COALESCE(datacl, acldefault('d', datdba))::text"
                    + " FROM pg_database"
                    + " WHERE datname = current_database()"
                    + " UNION ALL SELECT 'default', pg_get_userbyid(defaclrole), defaclobjtype::text,"
                    + " defaclacl::text FROM pg_default_acl",
            "memberships", "SELECT pg_get_userbyid(roleid), pg_get_userbyid(member) FROM pg_auth_members"));

    private final Map<String, List<String>> kinds;

    private DatabaseCatalogSnapshot(Map<String, List<String>> kinds) {
        this.kinds = kinds;
    }

    /** @return the catalog of the database {@code dataSource} connects to (connect as an administrator) */
    public static DatabaseCatalogSnapshot take(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return take(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database catalog: " + e.getMessage(), e);
        }
    }

    public static DatabaseCatalogSnapshot take(Connection c) throws SQLException {
        Map<String, String> queries = AddonDatabases.dialectOf(c) == Dialect.H2 ? H2 : POSTGRES;
        Map<String, List<String>> kinds = new TreeMap<>();
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                TreeSet<String> lines = new TreeSet<>();
                try (ResultSet rs = s.executeQuery(query.getValue())) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringJoiner line = new StringJoiner(" | ");
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            line.add(String.valueOf(rs.getString(i)));
                        }
                        lines.add(line.toString());
                    }
                }
                kinds.put(query.getKey(), List.copyOf(lines));
            }
        }
        return new DatabaseCatalogSnapshot(kinds);
    }

    /** @return kind (e.g. {@code tables}) → its sorted lines */
    public Map<String, List<String>> kinds() {
        return kinds;
    }

    /** @return one line per difference, {@code + tables: ...} for what {@code after} has more, {@code -} for less */
    public List<String> differences(DatabaseCatalogSnapshot after) {
        List<String> out = new ArrayList<>();
        for (String kind : new TreeSet<>(union(kinds.keySet(), after.kinds.keySet()))) {
            TreeSet<String> before = new TreeSet<>(kinds.getOrDefault(kind, List.of()));
            TreeSet<String> now = new TreeSet<>(after.kinds.getOrDefault(kind, List.of()));
            now.stream().filter(l -> !before.contains(l)).forEach(l -> out.add("+ " + kind + ": " + l));
            before.stream().filter(l -> !now.contains(l)).forEach(l -> out.add("- " + kind + ": " + l));
        }
        return out;
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseCatalogSnapshot other && kinds.equals(other.kinds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kinds);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        kinds.forEach((kind, lines) -> b.append(kind).append(": ").append(lines.size()).append(" lines\n"));
        return b.toString();
    }
}
