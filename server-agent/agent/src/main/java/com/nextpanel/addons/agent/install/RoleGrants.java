package com.nextpanel.addons.agent.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an addon's role may do outside its own schema (the grants its version's permissions gave: SELECT, REFERENCES,
 * write rights and sequence USAGE on core tables, USAGE on their schemas), captured from the catalog with the addon's
 * schema backup and put back exactly on restore. A schema dump holds only what lives in the schema; without this, an
 * addon backup restored over another installed version would keep that version's grants.
 *
 * <p>File {@value #FILE} beside the schema dump: {@code {"role": ..., "grants": [{"on", "object", "privilege",
 * "grantable", "column"}]}}; {@code on} is {@code SCHEMA}, {@code TABLE}, {@code SEQUENCE} or {@code COLUMN} (then
 * {@code column} names it), names are quoted.
 */
final class RoleGrants {

    static final String FILE = "grants.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One privilege on one object outside the addon's schema. */
    record Grant(String on, String object, String privilege, boolean grantable, String column) {
    }

    private RoleGrants() {
    }

    /** Writes the grants the owner of {@code schema} holds outside it. */
    static void capture(Connection c, boolean h2, String schema, Path dir) throws SQLException, IOException {
        String role = owner(c, h2, schema);
        ObjectNode root = JSON.createObjectNode().put("role", role);
        ArrayNode list = root.putArray("grants");
        for (Grant g : held(c, h2, role, schema)) {
            ObjectNode o = list.addObject().put("on", g.on()).put("object", g.object())
                    .put("privilege", g.privilege()).put("grantable", g.grantable());
            if (g.column() != null) {
                o.put("column", g.column());
            }
        }
        Path file = dir.resolve(FILE);
        JSON.writeValue(file.toFile(), root);
        DiskOps.fsync(file);
    }

    /**
     * @return the statements that make the role's grants outside {@code schema} exactly those captured in
     *         {@code dir}: revoke what it holds now, grant what the backup holds; empty for a backup taken before
     *         grants were captured
     */
    static List<String> restoreStatements(Connection c, boolean h2, String schema, Path dir)
            throws SQLException, IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root = JSON.readTree(file.toFile());
        String role = root.path("role").asText();
        List<String> out = new ArrayList<>();
        Set<String> revoked = new LinkedHashSet<>();
        for (Grant g : held(c, h2, role, schema)) {
            // on a table, REVOKE ALL takes the column privileges too
            String on = g.on().equals("COLUMN") ? "TABLE" : g.on();
            if (revoked.add(on + " " + g.object())) {
                out.add("REVOKE ALL ON " + (h2 ? "" : on + " ") + g.object() + " FROM " + quote(role));
            }
        }
        for (JsonNode g : root.path("grants")) {
            String on = g.path("on").asText();
            if (!Set.of("SCHEMA", "TABLE", "SEQUENCE", "COLUMN").contains(on)) {
                throw new IllegalArgumentException(file + " names a grant on '" + on + "'");
            }
            String privilege = privilege(g.path("privilege").asText(), file);
            if (on.equals("COLUMN")) {
                on = "TABLE";
                privilege += " (" + g.path("column").asText() + ")";
            }
            out.add("GRANT " + privilege + " ON " + (h2 ? "" : on + " ")
                    + g.path("object").asText() + " TO " + quote(role)
                    + (g.path("grantable").asBoolean() ? " WITH GRANT OPTION" : ""));
        }
        return out;
    }

    /** Runs {@link #restoreStatements} on {@code c} (in the caller's transaction, if any). */
    static void restore(Connection c, boolean h2, String schema, Path dir) throws SQLException, IOException {
        List<String> statements = restoreStatements(c, h2, schema, dir);
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String privilege(String p, Path file) {
        if (!p.matches("[A-Z]+( [A-Z]+)*(, [A-Z]+( [A-Z]+)*)*")) {
            throw new IllegalArgumentException(file + " names a malformed privilege '" + p + "'");
        }
        return p;
    }

    private static String owner(Connection c, boolean h2, String schema) throws SQLException {
        String sql = h2 ? "SELECT SCHEMA_OWNER FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = ?"
                : "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return Optional.ofNullable(rs.next() ? rs.getString(1) : null).orElseThrow(
                        () -> new IllegalStateException("schema " + schema + " does not exist"));
            }
        }
    }

    private static List<Grant> held(Connection c, boolean h2, String role, String schema) throws SQLException {
        String sql = h2
                ? "SELECT 'TABLE', '\"' || REPLACE(TABLE_SCHEMA, '\"', '\"\"') || '\".\"'"
                + " || REPLACE(TABLE_NAME, '\"', '\"\"') || '\"', RIGHTS, FALSE, CAST(NULL AS VARCHAR)"
                + " FROM INFORMATION_SCHEMA.RIGHTS"
                + " WHERE GRANTEE = ? AND TABLE_NAME IS NOT NULL AND TABLE_NAME <> '' AND TABLE_SCHEMA <> ?"
                + " ORDER BY 2, 3"
                : "SELECT 'SCHEMA', quote_ident(n.nspname), a.privilege_type, a.is_grantable, NULL FROM pg_namespace n,"
                + " aclexplode(n.nspacl) a WHERE a.grantee = (SELECT oid FROM pg_roles WHERE rolname = ?)"
                + " AND n.nspname <> ?"
                + " UNION ALL SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,"
                + " quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.privilege_type, a.is_grantable, NULL"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a"
                + " WHERE a.grantee = (SELECT oid FROM pg_roles WHERE rolname = ?) AND n.nspname <> ?"
                + " UNION ALL SELECT 'COLUMN', quote_ident(n.nspname) || '.' || quote_ident(c.relname),"
                + " a.privilege_type, a.is_grantable, quote_ident(t.attname) FROM pg_attribute t"
                + " JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,"
                + " aclexplode(t.attacl) a WHERE a.grantee = (SELECT oid FROM pg_roles WHERE rolname = ?)"
                + " AND n.nspname <> ? AND NOT t.attisdropped"
                + " ORDER BY 1, 2, 3, 5";
        List<Grant> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, role);
            ps.setString(2, schema);
            if (!h2) {
                ps.setString(3, role);
                ps.setString(4, schema);
                ps.setString(5, role);
                ps.setString(6, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
