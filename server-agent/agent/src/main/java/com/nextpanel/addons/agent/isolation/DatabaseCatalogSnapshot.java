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
 * users or roles, grants; on PostgreSQL also functions and procedures, triggers, view definitions, types (enums,
 * domains, composites), partitioning, collations, comments, policies and rules, statistics, default privileges — read
 * from {@code INFORMATION_SCHEMA} (H2) or {@code pg_catalog} (PostgreSQL). Two snapshots
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
    /** Objects a user made: an oid past the initial catalog's ({@code FirstNormalObjectId}). */
    private static final String PG_USER_OBJECT = " >= 16384";
    private static final Map<String, String> POSTGRES = new TreeMap<>(Map.ofEntries(
            Map.entry("schemas", "SELECT n.nspname, pg_get_userbyid(n.nspowner),"
                    + " COALESCE(n.nspacl, acldefault('n', n.nspowner))::text FROM pg_namespace n WHERE"
                    + PG_USER_NAMESPACES),
            Map.entry("tables", "SELECT n.nspname, c.relname, c.relkind, pg_get_userbyid(c.relowner), c.relpersistence,"
                    + " c.relrowsecurity, c.relforcerowsecurity, c.reloptions::text FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','f') AND"
                    + PG_USER_NAMESPACES),
            Map.entry("columns", "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
                    + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
                    + " CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END,"
                    + " a.attacl::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d"
                    + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attnum > 0 AND NOT a.attisdropped"
                    + " AND c.relkind IN ('r','p','v','m','f','c') AND" + PG_USER_NAMESPACES),
            Map.entry("sequences", "SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner),"
                    + " format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,"
                    + " s.seqcycle FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s"
                    + " ON s.seqrelid = c.oid WHERE c.relkind = 'S' AND" + PG_USER_NAMESPACES),
            Map.entry("indexes", "SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes n"
                    + " WHERE schemaname NOT LIKE 'pg\\_%' AND schemaname <> 'information_schema'"),
            Map.entry("constraints", "SELECT n.nspname, c.conname, c.contype, pg_get_constraintdef(c.oid),"
                    + " c.conrelid::regclass::text, c.contypid::regtype::text FROM pg_constraint c"
                    + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE" + PG_USER_NAMESPACES),
            Map.entry("roles", "SELECT rolname, rolcanlogin, rolsuper FROM pg_roles"),
            Map.entry("grants", "SELECT 'relation', n.nspname, c.relname, COALESCE(c.relacl, acldefault(CASE c.relkind"
                    + " WHEN 'S' THEN 's'::\"char\" ELSE 'r'::\"char\" END, c.relowner))::text FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p','v','m','f','S') AND"
                    + PG_USER_NAMESPACES
                    + " UNION ALL SELECT 'database', datname, '', COALESCE(datacl, acldefault('d', datdba))::text"
                    + " FROM pg_database"
                    + " WHERE datname = current_database()"
                    + " UNION ALL SELECT 'default', pg_get_userbyid(defaclrole) || ' in '"
                    + " || COALESCE(defaclnamespace::regnamespace::text, '*'), defaclobjtype::text,"
                    + " defaclacl::text FROM pg_default_acl"),
            Map.entry("memberships", "SELECT pg_get_userbyid(roleid), pg_get_userbyid(member) FROM pg_auth_members"),
            // functions, procedures and aggregates: their whole definition, owner and access list
            Map.entry("functions", "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), p.prokind,"
                    + " pg_get_userbyid(p.proowner), COALESCE(p.proacl, acldefault('f', p.proowner))::text,"
                    + " CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_get_functiondef(p.oid) END FROM pg_proc p"
                    + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE" + PG_USER_NAMESPACES),
            Map.entry("triggers", "SELECT c.relnamespace::regnamespace::text, c.relname, t.tgname, t.tgenabled,"
                    + " pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " WHERE NOT t.tgisinternal AND t.oid" + PG_USER_OBJECT),
            Map.entry("views", "SELECT c.oid::regclass::text, c.relkind, pg_get_viewdef(c.oid) FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v','m') AND"
                    + PG_USER_NAMESPACES),
            // enums with their labels, domains with base type, default and null-ness, standalone composite types
            Map.entry("types", "SELECT n.nspname, t.typname, t.typtype, pg_get_userbyid(t.typowner),"
                    + " COALESCE(t.typacl, acldefault('T', t.typowner))::text, format_type(t.typbasetype, t.typtypmod),"
                    + " t.typnotnull, t.typdefault, t.typcollation::regcollation::text, (SELECT string_agg(e.enumlabel,"
                    + " ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) FROM pg_type t"
                    + " JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_class r ON r.oid = t.typrelid"
                    + " WHERE (t.typrelid = 0 OR r.relkind = 'c') AND NOT (t.typcategory = 'A' AND t.typelem <> 0)"
                    + " AND" + PG_USER_NAMESPACES),
            Map.entry("partitions", "SELECT c.oid::regclass::text, pg_get_partkeydef(c.oid),"
                    + " (SELECT string_agg(i.inhparent::regclass::text, ',') FROM pg_inherits i WHERE i.inhrelid"
                    + " = c.oid), pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE (c.relkind IN ('p', 'I') OR c.relispartition"
                    + " OR EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid)) AND" + PG_USER_NAMESPACES),
            Map.entry("collations", "SELECT n.nspname, c.collname, c.collprovider, c.collcollate, c.collctype,"
                    + " c.collisdeterministic FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace"
                    + " WHERE" + PG_USER_NAMESPACES),
            Map.entry("comments", "SELECT pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description"
                    + " FROM pg_description d WHERE d.objoid" + PG_USER_OBJECT
                    + " OR (d.classoid = 'pg_namespace'::regclass AND d.objoid = 'public'::regnamespace)"),
            Map.entry("policies and rules", "SELECT 'policy', schemaname, tablename, policyname, permissive,"
                    + " roles::text, cmd, qual, with_check FROM pg_policies UNION ALL SELECT 'rule', schemaname,"
                    + " tablename, rulename, definition, '', '', '', '' FROM pg_rules WHERE schemaname NOT LIKE"
                    + " 'pg\\_%' AND schemaname <> 'information_schema'"),
            Map.entry("statistics", "SELECT s.stxnamespace::regnamespace::text, s.stxname, pg_get_userbyid(s.stxowner),"
                    + " pg_get_statisticsobjdef(s.oid) FROM pg_statistic_ext s WHERE s.oid" + PG_USER_OBJECT)));

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
