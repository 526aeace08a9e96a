package com.nextpanel.addons.agent.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL backup without {@code pg_dump}: the schema DDL generated from {@code pg_catalog} (schemas, sequences,
 * tables with defaults and identity, owners, access lists, constraints, indexes, views) and every table's rows
 * through {@code COPY ... TO STDOUT} (PgJDBC {@link CopyManager}), all read in one {@code REPEATABLE READ} read-only
 * transaction, so the dump is one consistent point in time while addon routes write. Hand-written because no
 * library generates PostgreSQL DDL from the catalog; it covers what the core and addon migrations create. Not
 * covered (rare in addon migrations, noted in docs/backups.md): functions, triggers, default privileges, comments,
 * partitioned tables, non-default collations.
 *
 * <p>Layout in the dump directory: {@code copy.json} ({@code pre}: DDL before the rows; {@code tables}: each table
 * with its data file and columns; {@code post}: sequence values, constraints, indexes, views, in that order) and
 * {@code data/<n>.copy} (COPY text format).
 */
public final class PgCopy {

    public static final String FILE = "copy.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String USER_SCHEMAS = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";

    private PgCopy() {
    }

    /**
     * Dumps every user schema, or only {@code schema}, into {@code dir} in one repeatable-read snapshot.
     *
     * @return the bytes of row data written
     */
    public static long dump(Connection c, Optional<String> schema, Path dir) throws Exception {
        boolean auto = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            long bytes = dumpInSnapshot(c, schema, dir);
            c.commit();
            return bytes;
        } catch (Exception e) {
            c.rollback();
            throw e;
        } finally {
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(auto);
        }
    }

    private static long dumpInSnapshot(Connection c, Optional<String> only, Path dir) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
        }
        List<String> pre = new ArrayList<>();
        List<String> post = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        ObjectNode root = JSON.createObjectNode();
        ArrayNode tables = JSON.createArrayNode();
        String filter = USER_SCHEMAS + (only.isPresent() ? " AND n.nspname = ?" : "");
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.oid, n.nspname, pg_get_userbyid(n.nspowner),"
                + " n.nspacl IS NOT NULL FROM pg_namespace n WHERE " + filter + " ORDER BY n.nspname")) {
            only.ifPresent(x -> set(ps, x));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    schemas.add(name);
                    if (!name.equals("public")) {
                        pre.add("CREATE SCHEMA " + q(name) + " AUTHORIZATION " + q(rs.getString(3)));
                        if (rs.getBoolean(4)) {
                            pre.addAll(acl(c, "pg_namespace", "nspacl", rs.getLong(1), "SCHEMA", q(name),
                                    rs.getString(3)));
                        }
                    }
                }
            }
        }
        root.putArray("schemas").addAll(schemas.stream().map(JSON.getNodeFactory()::textNode).toList());
        // sequences: standalone ones created here, identity ones by their column; every value set after the rows
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, n.nspname, c.relname,"
                + " pg_get_userbyid(c.relowner), format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
                + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle, d.deptype, t.relname, a.attname,"
                + " c.relacl IS NOT NULL"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s"
                + " ON s.seqrelid = c.oid LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
                + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
                + " LEFT JOIN pg_class t ON t.oid = d.refobjid LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid"
                + " AND a.attnum = d.refobjsubid WHERE c.relkind = 'S' AND " + filter + " ORDER BY 2, 3")) {
            only.ifPresent(x -> set(ps, x));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = q(rs.getString(2)) + "." + q(rs.getString(3));
                    boolean identity = "i".equals(rs.getString(12));
                    if (!identity) {
                        pre.add("CREATE SEQUENCE " + name + " AS " + rs.getString(5) + sequenceOptions(rs));
                        pre.add("ALTER SEQUENCE " + name + " OWNER TO " + q(rs.getString(4)));
                        if ("a".equals(rs.getString(12))) {
                            foreignKeys.add("ALTER SEQUENCE " + name + " OWNED BY " + q(rs.getString(2)) + "."
                                    + q(rs.getString(13)) + "." + q(rs.getString(14)));
                        }
                    }
                    if (rs.getBoolean(15)) {
                        post.addAll(acl(c, "pg_class", "relacl", rs.getLong(1), "SEQUENCE", name, rs.getString(4)));
                    }
                    try (Statement v = c.createStatement(); ResultSet value = v.executeQuery(
                            "SELECT last_value, is_called FROM " + name)) {
                        value.next();
                        post.add(0, "SELECT setval('" + name.replace("'", "''") + "', " + value.getLong(1) + ", "
                                + value.getBoolean(2) + ")");
                    }
                }
            }
        }
        List<long[]> tableOids = new ArrayList<>();
        List<String[]> tableNames = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, n.nspname, c.relname, pg_get_userbyid(c.relowner),"
                + " c.relacl IS NOT NULL FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind = 'r' AND " + filter + " ORDER BY 2, 3")) {
            only.ifPresent(x -> set(ps, x));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tableOids.add(new long[] {rs.getLong(1), rs.getBoolean(5) ? 1 : 0});
                    tableNames.add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long bytes = 0;
        for (int i = 0; i < tableOids.size(); i++) {
            long oid = tableOids.get(i)[0];
            String name = q(tableNames.get(i)[0]) + "." + q(tableNames.get(i)[1]);
            String owner = tableNames.get(i)[2];
            List<String> copied = new ArrayList<>();
            pre.add("CREATE TABLE " + name + " (" + String.join(", ", columns(c, oid, copied)) + ")");
            pre.add("ALTER TABLE " + name + " OWNER TO " + q(owner));
            if (tableOids.get(i)[1] == 1) {
                pre.addAll(acl(c, "pg_class", "relacl", oid, "TABLE", name, owner));
            }
            constraints(c, oid, name, post, foreignKeys);
            indexes(c, oid, post);
            String file = "data/" + String.format("%04d", i + 1) + ".copy";
            String cols = "(" + String.join(", ", copied) + ")";
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(file)), 1 << 16)) {
                copy.copyOut("COPY " + name + " " + cols + " TO STDOUT", out);
            }
            bytes += Files.size(dir.resolve(file));
            tables.addObject().put("table", name).put("columns", cols).put("file", file);
        }
        views(c, filter, only, post);
        post.addAll(foreignKeys);
        root.set("pre", strings(pre));
        root.set("tables", tables);
        root.set("post", strings(post));
        JSON.writeValue(dir.resolve(FILE).toFile(), root);
        return bytes;
    }

    /**
     * Recreates what {@link #dump} wrote, inside the caller's transaction (the caller has dropped what it replaces).
     *
     * @return the number of rows loaded
     */
    public static long load(Connection c, Path dir) throws Exception {
        JsonNode root = JSON.readTree(dir.resolve(FILE).toFile());
        try (Statement s = c.createStatement()) {
            for (JsonNode sql : root.path("pre")) {
                s.execute(sql.asText());
            }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        long rows = 0;
        for (JsonNode t : root.path("tables")) {
            Path file = dir.resolve(t.path("file").asText()).normalize();
            if (!file.startsWith(dir)) {
                throw new IllegalArgumentException("copy.json names a data file outside the dump: " + file);
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                rows += copy.copyIn("COPY " + t.path("table").asText() + " " + t.path("columns").asText()
                        + " FROM STDIN", in);
            }
        }
        try (Statement s = c.createStatement()) {
            for (JsonNode sql : root.path("post")) {
                s.execute(sql.asText());
            }
        }
        return rows;
    }

    private static List<String> columns(Connection c, long table, List<String> copied) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
                + " pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setLong(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder col = new StringBuilder(q(rs.getString(1))).append(' ').append(rs.getString(2));
                    String identity = rs.getString(5);
                    String generated = rs.getString(6);
                    if ("s".equals(generated)) {
                        col.append(" GENERATED ALWAYS AS (").append(rs.getString(4)).append(") STORED");
                    } else {
                        copied.add(q(rs.getString(1)));
                        if (rs.getString(4) != null) {
                            col.append(" DEFAULT ").append(rs.getString(4));
                        }
                    }
                    if (rs.getBoolean(3)) {
                        col.append(" NOT NULL");
                    }
                    if ("a".equals(identity) || "d".equals(identity)) {
                        col.append(" GENERATED ").append("a".equals(identity) ? "ALWAYS" : "BY DEFAULT")
                                .append(" AS IDENTITY (SEQUENCE NAME ").append(rs.getString(7))
                                .append(identityOptions(c, rs.getString(7))).append(')');
                    }
                    out.add(col.toString());
                }
            }
        }
        return out;
    }

    private static String identityOptions(Connection c, String sequence) throws SQLException {
        // columns 6..11 as in the sequences query, so that sequenceOptions reads both
        try (PreparedStatement ps = c.prepareStatement("SELECT 0, '', '', '', '', s.seqstart, s.seqincrement,"
                + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle FROM pg_sequence s WHERE s.seqrelid = ?::regclass")) {
            ps.setString(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return sequenceOptions(rs);
            }
        }
    }

    private static String sequenceOptions(ResultSet rs) throws SQLException {
        return " START WITH " + rs.getLong(6) + " INCREMENT BY " + rs.getLong(7) + " MINVALUE " + rs.getLong(8)
                + " MAXVALUE " + rs.getLong(9) + " CACHE " + rs.getLong(10) + (rs.getBoolean(11) ? " CYCLE" : " NO CYCLE");
    }

    /** Primary keys, unique, exclusion and check constraints after the rows; foreign keys last of all. */
    private static void constraints(Connection c, long table, String name, List<String> post,
                                    List<String> foreignKeys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT conname, contype, pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE conrelid = ? AND contype IN ('p', 'u', 'x', 'c', 'f')"
                + " ORDER BY CASE contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 ELSE 2 END, conname")) {
            ps.setLong(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sql = "ALTER TABLE " + name + " ADD CONSTRAINT " + q(rs.getString(1)) + " "
                            + rs.getString(3);
                    (rs.getString(2).equals("f") ? foreignKeys : post).add(sql);
                }
            }
        }
    }

    /** Indexes that no constraint owns (those come back with their constraint). */
    private static void indexes(Connection c, long table, List<String> post) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " JOIN pg_class x ON x.oid = i.indexrelid WHERE i.indrelid = ? AND NOT EXISTS (SELECT 1"
                + " FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid"
                + " AND k.contype IN ('p', 'u', 'x')) ORDER BY x.relname")) {
            ps.setLong(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    post.add(rs.getString(1));
                }
            }
        }
    }

    private static void views(Connection c, String filter, Optional<String> only, List<String> post)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, n.nspname, c.relname, pg_get_userbyid(c.relowner),"
                + " pg_get_viewdef(c.oid), c.relacl IS NOT NULL FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind = 'v' AND " + filter + " ORDER BY c.oid")) {
            only.ifPresent(x -> set(ps, x));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = q(rs.getString(2)) + "." + q(rs.getString(3));
                    post.add("CREATE VIEW " + name + " AS " + rs.getString(5));
                    post.add("ALTER VIEW " + name + " OWNER TO " + q(rs.getString(4)));
                    if (rs.getBoolean(6)) {
                        post.addAll(acl(c, "pg_class", "relacl", rs.getLong(1), "TABLE", name, rs.getString(4)));
                    }
                }
            }
        }
    }

    /** The statements that give an object exactly its access list: revoke the defaults, grant each entry. */
    private static List<String> acl(Connection c, String catalog, String column, long oid, String kind, String name,
                                    String owner) throws SQLException {
        List<String> out = new ArrayList<>();
        out.add("REVOKE ALL ON " + kind + " " + name + " FROM PUBLIC");
        out.add("REVOKE ALL ON " + kind + " " + name + " FROM " + q(owner));
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE"
                + " quote_ident(pg_get_userbyid(a.grantee)) END, a.privilege_type, a.is_grantable FROM " + catalog
                + " o, aclexplode(o." + column + ") a WHERE o.oid = ? ORDER BY 1, 2")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add("GRANT " + rs.getString(2) + " ON " + kind + " " + name + " TO " + rs.getString(1)
                            + (rs.getBoolean(3) ? " WITH GRANT OPTION" : ""));
                }
            }
        }
        return out;
    }

    private static ArrayNode strings(List<String> list) {
        ArrayNode a = JSON.createArrayNode();
        list.forEach(a::add);
        return a;
    }

    private static void set(PreparedStatement ps, String value) {
        try {
            ps.setString(1, value);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String q(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
