package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL backup without {@code pg_dump}: the schema DDL generated from {@code pg_catalog} and every table's rows
 * through {@code COPY ... TO STDOUT} (PgJDBC {@link CopyManager}), all read in one {@code REPEATABLE READ} read-only
 * transaction, so the dump is one consistent point in time while addon routes write. Hand-written because no
 * library generates PostgreSQL DDL from the catalog.
 *
 * <p>Reproduced: schemas (owner, access list, comment); enum, domain (with its constraints) and composite types;
 * functions and procedures ({@code pg_get_functiondef}); sequences; tables with column types, collations, defaults,
 * identity and generated columns, unlogged, storage options, partitioning ({@code pg_get_partkeydef}, each partition
 * {@code PARTITION OF} its parent {@code FOR VALUES} its bound); check, unique, primary, exclusion and foreign key
 * constraints ({@code pg_get_constraintdef}); indexes ({@code pg_get_indexdef}); views with their options; triggers
 * ({@code pg_get_triggerdef}, and whether each is enabled); extended statistics; owners and access lists of all of
 * these, column privileges, default privileges ({@code pg_default_acl}); comments. Anything else in a dumped schema
 * (materialized views, foreign tables, rules, row-level security policies, table inheritance, typed tables, range and
 * base types, aggregates, operators, collations, text search objects, extensions, large objects) is refused before
 * anything is written, naming the objects: better no backup than one that silently lacks them.
 *
 * <p>Layout in the dump directory: {@code copy.json} ({@code pre}: DDL before the rows; {@code tables}: each table
 * with its data file and columns; {@code post}: sequence values, constraints, indexes, views, triggers, foreign keys,
 * comments, default privileges, in that order; {@code resetPublic}: a whole-database dump, whose load first empties
 * schema {@code public} of what it keeps across a restore) and {@code data/<n>.copy} (COPY text format).
 */
public final class PgCopy {

    public static final String FILE = "copy.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String USER_SCHEMAS = "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'";
    private static final Map<String, String> DEFAULT_ACL_KINDS = Map.of("r", "TABLES", "S", "SEQUENCES",
            "f", "FUNCTIONS", "T", "TYPES", "n", "SCHEMAS");
    private static final int NAMED_IN_REFUSAL = 10;

    private PgCopy() {
    }

    /**
     * Dumps every user schema, or only {@code schema}, into {@code dir} in one repeatable-read snapshot.
     *
     * @return the bytes of row data written
     * @throws AgentException {@code CONFLICT} naming the objects the dump cannot reproduce (nothing is written)
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

    /** The statements of a dump, by when they run. */
    private static final class Script {
        final List<String> pre = new ArrayList<>();
        /** Routines whose signature or SQL-standard body needs the tables: created after them, before the rows. */
        final List<String> late = new ArrayList<>();
        final List<String> post = new ArrayList<>();
        final List<String> foreignKeys = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
        final List<String> defaults = new ArrayList<>();

        void comment(String target, String text) {
            if (text != null) {
                comments.add("COMMENT ON " + target + " IS " + literal(text));
            }
        }
    }

    /** One table as the catalog describes it. */
    private record Table(long oid, String name, String owner, boolean acl, String kind, Long parent,
                         String parentName, String bound, String partitionKey, boolean unlogged, String options,
                         String comment) {
    }

    /**
     * Refuses, before a job is accepted, a dump this class could not take: the same check {@link #dump} makes first.
     *
     * @param schema the one schema to dump, or empty for every user schema
     * @throws AgentException {@code CONFLICT} naming the objects it cannot reproduce
     */
    public static void checkCopyable(Connection c, Optional<String> schema) throws SQLException {
        refuseWhatCannotBeCopied(c, filter(schema), schema.isEmpty());
    }

    private static String filter(Optional<String> only) {
        return USER_SCHEMAS + only.map(x -> " AND n.nspname = " + literal(x)).orElse("");
    }

    private static long dumpInSnapshot(Connection c, Optional<String> only, Path dir) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
        }
        String filter = filter(only);
        refuseWhatCannotBeCopied(c, filter, only.isEmpty());
        Script out = new Script();
        out.pre.add("SET LOCAL check_function_bodies = false"); // routine bodies may name tables created later
        ObjectNode root = JSON.createObjectNode();
        List<String> schemas = schemas(c, filter, out);
        root.putArray("schemas").addAll(schemas.stream().map(JSON.getNodeFactory()::textNode).toList());
        root.put("resetPublic", only.isEmpty() && schemas.contains("public"));
        types(c, filter, out);
        routines(c, filter, out);
        sequences(c, filter, out);
        List<Table> tables = tables(c, filter);
        for (Table t : tables) {
            createTable(c, t, out);
        }
        out.pre.addAll(out.late);
        Path data = Files.createDirectories(dir.resolve("data"));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        ArrayNode copied = JSON.createArrayNode();
        long bytes = 0;
        int n = 0;
        for (Table t : tables) {
            if (!t.kind().equals("r")) {
                continue; // a partitioned table's rows are in its partitions
            }
            String file = "data/" + String.format("%04d", ++n) + ".copy";
            String cols = "(" + String.join(", ", copiedColumns(c, t.oid())) + ")";
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(dir.resolve(file)), 1 << 16)) {
                copy.copyOut("COPY " + t.name() + " " + cols + " TO STDOUT", o);
            }
            bytes += Files.size(dir.resolve(file));
            copied.addObject().put("table", t.name()).put("columns", cols).put("file", file);
        }
        views(c, filter, out);
        triggers(c, filter, out);
        statistics(c, filter, out);
        defaultPrivileges(c, filter, only.isEmpty(), out);
        List<String> post = new ArrayList<>(out.post);
        post.addAll(out.foreignKeys);
        post.addAll(out.comments);
        post.addAll(out.defaults);
        root.set("pre", strings(out.pre));
        root.set("tables", copied);
        root.set("post", strings(post));
        JSON.writeValue(dir.resolve(FILE).toFile(), root);
        return bytes;
    }

    /**
     * Recreates what {@link #dump} wrote, inside the caller's transaction (the caller has dropped the schemas it
     * replaces; for a whole-database dump, what schema {@code public} still holds is emptied here first).
     *
     * @return the number of rows loaded
     */
    public static long load(Connection c, Path dir) throws Exception {
        JsonNode root = JSON.readTree(dir.resolve(FILE).toFile());
        try (Statement s = c.createStatement()) {
            if (root.path("resetPublic").asBoolean()) {
                for (String sql : resetPublic(c)) {
                    s.execute(sql);
                }
            }
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

    /**
     * What a whole-database restore must clear that dropping the user schemas leaves: routines and types in
     * {@code public}, its access list, and the default privileges that are database-wide or for {@code public}.
     */
    private static List<String> resetPublic(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        String notExtension = " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = x.oid AND e.deptype = 'e')";
        each(c, "SELECT 'DROP ROUTINE IF EXISTS public.' || quote_ident(x.proname) || '('"
                + " || pg_get_function_identity_arguments(x.oid) || ') CASCADE' FROM pg_proc x"
                + " WHERE x.pronamespace = 'public'::regnamespace" + notExtension, rs -> out.add(rs.getString(1)));
        each(c, "SELECT 'DROP ' || CASE x.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END || ' IF EXISTS public.'"
                + " || quote_ident(x.typname) || ' CASCADE' FROM pg_type x LEFT JOIN pg_class r ON r.oid = x.typrelid"
                + " WHERE x.typnamespace = 'public'::regnamespace AND x.typtype IN ('e', 'd', 'c', 'r')"
                + " AND (x.typrelid = 0 OR r.relkind = 'c')" + notExtension, rs -> out.add(rs.getString(1)));
        each(c, "SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee))"
                + " END FROM pg_namespace x, aclexplode(x.nspacl) a WHERE x.nspname = 'public'",
                rs -> out.add("REVOKE ALL ON SCHEMA public FROM " + rs.getString(1)));
        // revoking every entry of a default access list, and granting the built-in default, removes it
        each(c, "SELECT quote_ident(pg_get_userbyid(d.defaclrole)), d.defaclnamespace::regnamespace::text,"
                + " d.defaclobjtype, 'REVOKE', a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
                + " ELSE quote_ident(pg_get_userbyid(a.grantee)) END, false FROM pg_default_acl d,"
                + " aclexplode(d.defaclacl) a WHERE d.defaclnamespace IN (0, 'public'::regnamespace)"
                + " UNION ALL SELECT quote_ident(pg_get_userbyid(d.defaclrole)), '-', d.defaclobjtype, 'GRANT',"
                + " a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid("
                + "a.grantee)) END, a.is_grantable FROM pg_default_acl d, aclexplode(acldefault(CASE d.defaclobjtype"
                + " WHEN 'S' THEN 's'::\"char\" ELSE d.defaclobjtype END, d.defaclrole)) a"
                + " WHERE d.defaclnamespace = 0 ORDER BY 4 DESC", rs -> out.add(defaultPrivilege(rs)));
        return out;
    }

    /** One default privilege statement from a row (role, schema or '-', object type, verb, privilege, grantee, grantable). */
    private static String defaultPrivilege(ResultSet rs) throws SQLException {
        String schema = rs.getString(2);
        boolean grant = rs.getString(4).equals("GRANT");
        return "ALTER DEFAULT PRIVILEGES FOR ROLE " + rs.getString(1)
                + (schema == null || schema.equals("-") ? "" : " IN SCHEMA " + schema)
                + " " + rs.getString(4) + " " + rs.getString(5) + " ON " + DEFAULT_ACL_KINDS.get(rs.getString(3))
                + (grant ? " TO " : " FROM ") + rs.getString(6) + (grant && rs.getBoolean(7) ? " WITH GRANT OPTION" : "");
    }

    /** @throws AgentException {@code CONFLICT} naming every object of the dumped schemas this class cannot copy */
    private static void refuseWhatCannotBeCopied(Connection c, String filter, boolean whole) throws SQLException {
        List<String> found = new ArrayList<>();
        String relation = "c.oid::regclass::text";
        String sql = "SELECT pg_describe_object(d.classid, d.objid, d.objsubid) FROM pg_depend d JOIN pg_namespace n"
                + " ON d.refclassid = 'pg_namespace'::regclass AND d.refobjid = n.oid WHERE d.deptype = 'n' AND "
                + filter + " AND NOT (d.classid = 'pg_class'::regclass AND (SELECT relkind FROM pg_class"
                + " WHERE oid = d.objid) IN ('r', 'p', 'v', 'S', 'c')"
                + " OR d.classid = 'pg_type'::regclass AND (SELECT typtype FROM pg_type WHERE oid = d.objid)"
                + " IN ('e', 'd', 'c')"
                + " OR d.classid = 'pg_proc'::regclass AND (SELECT prokind FROM pg_proc WHERE oid = d.objid)"
                + " IN ('f', 'p', 'w')"
                + " OR d.classid = 'pg_statistic_ext'::regclass)"
                + " UNION ALL SELECT 'rule ' || quote_ident(r.rulename) || ' on ' || " + relation + " FROM pg_rewrite r"
                + " JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE r.rulename <> '_RETURN' AND " + filter
                + " UNION ALL SELECT 'policy ' || quote_ident(p.polname) || ' on ' || " + relation + " FROM pg_policy p"
                + " JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + filter
                + " UNION ALL SELECT 'row level security on ' || " + relation + " FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE (c.relrowsecurity OR c.relforcerowsecurity) AND " + filter
                + " UNION ALL SELECT 'table ' || " + relation + " || ' inheriting from ' || i.inhparent::regclass::text"
                + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND " + filter
                + " UNION ALL SELECT 'typed table ' || " + relation + " FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.reloftype <> 0 AND " + filter
                + (whole ? " UNION ALL (SELECT 'large object ' || oid FROM pg_largeobject_metadata LIMIT "
                + NAMED_IN_REFUSAL + ")" : "");
        each(c, sql, rs -> found.add(rs.getString(1)));
        if (!found.isEmpty()) {
            List<String> named = found.subList(0, Math.min(found.size(), NAMED_IN_REFUSAL));
            throw new AgentException(ErrorCode.CONFLICT, "a backup through JDBC COPY (no pg_dump of the server's"
                    + " major version " + PgTools.serverMajor(c) + " is installed) cannot copy "
                    + String.join(", ", named) + (found.size() > named.size() ? " and " + (found.size()
                    - named.size()) + " more" : "") + "; install pg_dump of that version to back them up");
        }
    }

    private static List<String> schemas(Connection c, String filter, Script out) throws SQLException {
        List<String> schemas = new ArrayList<>();
        each(c, "SELECT n.oid, n.nspname, pg_get_userbyid(n.nspowner), n.nspacl IS NOT NULL,"
                + " obj_description(n.oid, 'pg_namespace') FROM pg_namespace n WHERE " + filter
                + " ORDER BY n.nspname", rs -> {
                    String name = rs.getString(2);
                    schemas.add(name);
                    if (name.equals("public")) {
                        // kept by a restore: its owner, list and comment are set to the dump's
                        out.pre.add("ALTER SCHEMA public OWNER TO " + q(rs.getString(3)));
                        out.pre.addAll(acl(c, "pg_namespace", "COALESCE(o.nspacl, acldefault('n', o.nspowner))",
                                rs.getLong(1), "SCHEMA", q(name), rs.getString(3)));
                        out.comments.add("COMMENT ON SCHEMA public IS " + (rs.getString(5) == null ? "NULL"
                                : literal(rs.getString(5))));
                        return;
                    }
                    out.pre.add("CREATE SCHEMA " + q(name) + " AUTHORIZATION " + q(rs.getString(3)));
                    if (rs.getBoolean(4)) {
                        out.pre.addAll(acl(c, "pg_namespace", "o.nspacl", rs.getLong(1), "SCHEMA", q(name),
                                rs.getString(3)));
                    }
                    out.comment("SCHEMA " + q(name), rs.getString(5));
                });
        return schemas;
    }

    /** Enums, then domains with their constraints, then standalone composite types. */
    private static void types(Connection c, String filter, Script out) throws SQLException {
        each(c, "SELECT t.oid, quote_ident(n.nspname) || '.' || quote_ident(t.typname), t.typtype,"
                + " pg_get_userbyid(t.typowner), t.typacl IS NOT NULL, format_type(t.typbasetype, t.typtypmod),"
                + " t.typnotnull, t.typdefault, CASE WHEN t.typcollation <> COALESCE(b.typcollation, 0)"
                + " THEN t.typcollation::regcollation::text END, (SELECT string_agg(quote_literal(e.enumlabel), ', '"
                + " ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), t.typrelid,"
                + " obj_description(t.oid, 'pg_type') FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " LEFT JOIN pg_type b ON b.oid = t.typbasetype LEFT JOIN pg_class r ON r.oid = t.typrelid"
                + " WHERE t.typtype IN ('e', 'd', 'c') AND (t.typrelid = 0 OR r.relkind = 'c') AND " + filter
                + " ORDER BY CASE t.typtype WHEN 'e' THEN 0 WHEN 'd' THEN 1 ELSE 2 END, t.oid", rs -> {
                    String name = rs.getString(2);
                    String kind = rs.getString(3);
                    String keyword = kind.equals("d") ? "DOMAIN" : "TYPE";
                    if (kind.equals("e")) {
                        out.pre.add("CREATE TYPE " + name + " AS ENUM (" + (rs.getString(10) == null ? ""
                                : rs.getString(10)) + ")");
                    } else if (kind.equals("d")) {
                        out.pre.add("CREATE DOMAIN " + name + " AS " + rs.getString(6)
                                + (rs.getString(9) == null ? "" : " COLLATE " + rs.getString(9))
                                + (rs.getString(8) == null ? "" : " DEFAULT " + rs.getString(8))
                                + (rs.getBoolean(7) ? " NOT NULL" : ""));
                        long oid = rs.getLong(1);
                        each(c, "SELECT quote_ident(conname), pg_get_constraintdef(oid),"
                                + " obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE contypid = " + oid
                                + " AND contype = 'c' ORDER BY conname", k -> {
                                    out.pre.add("ALTER DOMAIN " + name + " ADD CONSTRAINT " + k.getString(1) + " "
                                            + k.getString(2));
                                    out.comment("CONSTRAINT " + k.getString(1) + " ON DOMAIN " + name, k.getString(3));
                                });
                    } else {
                        List<String> attributes = new ArrayList<>();
                        each(c, "SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),"
                                + " CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text"
                                + " END FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = "
                                + rs.getLong(11) + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
                                a -> attributes.add(a.getString(1) + " " + a.getString(2)
                                        + (a.getString(3) == null ? "" : " COLLATE " + a.getString(3))));
                        out.pre.add("CREATE TYPE " + name + " AS (" + String.join(", ", attributes) + ")");
                    }
                    out.pre.add("ALTER " + keyword + " " + name + " OWNER TO " + q(rs.getString(4)));
                    if (rs.getBoolean(5)) {
                        out.pre.addAll(acl(c, "pg_type", "o.typacl", rs.getLong(1), keyword, name, rs.getString(4)));
                    }
                    out.comment(keyword + " " + name, rs.getString(12));
                });
    }

    /** Functions and procedures, as {@code pg_get_functiondef} writes them, with owner, access list and comment. */
    private static void routines(Connection c, String filter, Script out) throws SQLException {
        each(c, "SELECT p.oid, quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '('"
                + " || pg_get_function_identity_arguments(p.oid) || ')', pg_get_userbyid(p.proowner),"
                + " p.proacl IS NOT NULL, pg_get_functiondef(p.oid), obj_description(p.oid, 'pg_proc'),"
                + " p.prosqlbody IS NOT NULL OR EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[]"
                + " || COALESCE(p.proallargtypes, '{}'::oid[]) || p.prorettype) a(t) JOIN pg_type y ON y.oid = a.t"
                + " LEFT JOIN pg_type e ON e.oid = y.typelem JOIN pg_class r ON r.oid IN (y.typrelid, e.typrelid)"
                + " WHERE r.relkind <> 'c') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " WHERE p.prokind IN ('f', 'p', 'w') AND " + filter + " ORDER BY p.oid", rs -> {
                    List<String> into = rs.getBoolean(7) ? out.late : out.pre;
                    String signature = rs.getString(2);
                    into.add(rs.getString(5));
                    into.add("ALTER ROUTINE " + signature + " OWNER TO " + q(rs.getString(3)));
                    if (rs.getBoolean(4)) {
                        into.addAll(acl(c, "pg_proc", "o.proacl", rs.getLong(1), "ROUTINE", signature,
                                rs.getString(3)));
                    }
                    out.comment("ROUTINE " + signature, rs.getString(6));
                });
    }

    /** Standalone sequences created here, identity ones by their column; every value set after the rows. */
    private static void sequences(Connection c, String filter, Script out) throws SQLException {
        each(c, "SELECT c.oid, n.nspname, c.relname,"
                + " pg_get_userbyid(c.relowner), format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
                + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle, d.deptype, t.relname, a.attname,"
                + " c.relacl IS NOT NULL, obj_description(c.oid, 'pg_class'), tn.nspname"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s"
                + " ON s.seqrelid = c.oid LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
                + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')"
                + " LEFT JOIN pg_class t ON t.oid = d.refobjid LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace"
                + " LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid"
                + " AND a.attnum = d.refobjsubid WHERE c.relkind = 'S' AND " + filter + " ORDER BY 2, 3", rs -> {
                    String name = q(rs.getString(2)) + "." + q(rs.getString(3));
                    boolean identity = "i".equals(rs.getString(12));
                    if (!identity) {
                        out.pre.add("CREATE SEQUENCE " + name + " AS " + rs.getString(5) + sequenceOptions(rs));
                        out.pre.add("ALTER SEQUENCE " + name + " OWNER TO " + q(rs.getString(4)));
                        if ("a".equals(rs.getString(12))) {
                            out.foreignKeys.add("ALTER SEQUENCE " + name + " OWNED BY " + q(rs.getString(17)) + "."
                                    + q(rs.getString(13)) + "." + q(rs.getString(14)));
                        }
                    }
                    if (rs.getBoolean(15)) {
                        out.post.addAll(acl(c, "pg_class", "o.relacl", rs.getLong(1), "SEQUENCE", name,
                                rs.getString(4)));
                    }
                    out.comment("SEQUENCE " + name, rs.getString(16));
                    try (Statement v = c.createStatement(); ResultSet value = v.executeQuery(
                            "SELECT last_value, is_called FROM " + name)) {
                        value.next();
                        out.post.add(0, "SELECT setval(" + literal(name) + ", " + value.getLong(1) + ", "
                                + value.getBoolean(2) + ")");
                    }
                });
    }

    /** @return the tables and partitioned tables, each after its parent */
    private static List<Table> tables(Connection c, String filter) throws SQLException {
        List<Table> all = new ArrayList<>();
        each(c, "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_userbyid(c.relowner),"
                + " c.relacl IS NOT NULL, c.relkind, i.inhparent, i.inhparent::regclass::text,"
                + " CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,"
                + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, c.relpersistence = 'u',"
                + " array_to_string(c.reloptions, ', '), obj_description(c.oid, 'pg_class') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_inherits i ON i.inhrelid = c.oid"
                + " AND c.relispartition WHERE c.relkind IN ('r', 'p') AND " + filter + " ORDER BY 2", rs -> {
                    Long parent = rs.getObject(6) == null ? null : rs.getLong(6);
                    all.add(new Table(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), parent, rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getBoolean(10), rs.getString(11), rs.getString(12)));
                });
        Set<Long> inDump = new HashSet<>();
        all.forEach(t -> inDump.add(t.oid()));
        List<Table> ordered = new ArrayList<>();
        Set<Long> placed = new HashSet<>();
        while (ordered.size() < all.size()) {
            for (Table t : all) {
                if (!placed.contains(t.oid()) && (t.parent() == null || !inDump.contains(t.parent())
                        || placed.contains(t.parent()))) {
                    ordered.add(t);
                    placed.add(t.oid());
                }
            }
        }
        return ordered;
    }

    private static void createTable(Connection c, Table t, Script out) throws SQLException {
        StringBuilder create = new StringBuilder("CREATE ").append(t.unlogged() ? "UNLOGGED " : "").append("TABLE ")
                .append(t.name());
        if (t.parent() != null) {
            create.append(" PARTITION OF ").append(t.parentName()).append(' ').append(t.bound());
        } else {
            create.append(" (").append(String.join(", ", columns(c, t.oid()))).append(')');
        }
        if (t.partitionKey() != null) {
            create.append(" PARTITION BY ").append(t.partitionKey());
        }
        if (t.options() != null && !t.options().isEmpty()) {
            create.append(" WITH (").append(t.options()).append(')');
        }
        out.pre.add(create.toString());
        out.pre.add("ALTER TABLE " + t.name() + " OWNER TO " + q(t.owner()));
        if (t.acl()) {
            out.pre.addAll(acl(c, "pg_class", "o.relacl", t.oid(), "TABLE", t.name(), t.owner()));
        }
        columnPrivileges(c, t.oid(), t.name(), out.pre);
        out.comment("TABLE " + t.name(), t.comment());
        columnComments(c, t.oid(), t.name(), out);
        constraints(c, t.oid(), t.name(), out);
        indexes(c, t.oid(), out);
    }

    private static List<String> columns(Connection c, long table) throws SQLException {
        List<String> out = new ArrayList<>();
        each(c, "SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,"
                + " pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname),"
                + " CASE WHEN a.attcollation <> t.typcollation THEN a.attcollation::regcollation::text END"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_attrdef d"
                + " ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = " + table + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", rs -> {
                    StringBuilder col = new StringBuilder(q(rs.getString(1))).append(' ').append(rs.getString(2));
                    if (rs.getString(8) != null) {
                        col.append(" COLLATE ").append(rs.getString(8));
                    }
                    String identity = rs.getString(5);
                    if ("s".equals(rs.getString(6))) {
                        col.append(" GENERATED ALWAYS AS (").append(rs.getString(4)).append(") STORED");
                    } else if (rs.getString(4) != null) {
                        col.append(" DEFAULT ").append(rs.getString(4));
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
                });
        return out;
    }

    /** @return the columns COPY reads and writes: all but generated ones */
    private static List<String> copiedColumns(Connection c, long table) throws SQLException {
        List<String> out = new ArrayList<>();
        each(c, "SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = " + table + " AND attnum > 0"
                + " AND NOT attisdropped AND attgenerated = '' ORDER BY attnum", rs -> out.add(rs.getString(1)));
        return out;
    }

    private static void columnPrivileges(Connection c, long table, String name, List<String> out)
            throws SQLException {
        each(c, "SELECT a.privilege_type, quote_ident(t.attname), CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE"
                + " quote_ident(pg_get_userbyid(a.grantee)) END, a.is_grantable FROM pg_attribute t,"
                + " aclexplode(t.attacl) a WHERE t.attrelid = " + table + " AND t.attnum > 0 AND NOT t.attisdropped"
                + " ORDER BY t.attnum, 3, 1", rs -> out.add("GRANT " + rs.getString(1) + " (" + rs.getString(2)
                        + ") ON TABLE " + name + " TO " + rs.getString(3)
                        + (rs.getBoolean(4) ? " WITH GRANT OPTION" : "")));
    }

    private static void columnComments(Connection c, long relation, String name, Script out) throws SQLException {
        each(c, "SELECT quote_ident(a.attname), d.description FROM pg_description d JOIN pg_attribute a"
                + " ON a.attrelid = d.objoid AND a.attnum = d.objsubid WHERE d.classoid = 'pg_class'::regclass"
                + " AND d.objoid = " + relation + " AND d.objsubid > 0 ORDER BY a.attnum",
                rs -> out.comment("COLUMN " + name + "." + rs.getString(1), rs.getString(2)));
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

    /**
     * Primary keys, unique, exclusion and check constraints after the rows; foreign keys last of all. What a
     * partition inherits from its parent's constraints comes with them.
     */
    private static void constraints(Connection c, long table, String name, Script out) throws SQLException {
        each(c, "SELECT quote_ident(conname), contype, pg_get_constraintdef(oid), obj_description(oid,"
                + " 'pg_constraint') FROM pg_constraint WHERE conrelid = " + table + " AND contype IN ('p', 'u', 'x',"
                + " 'c', 'f') AND conparentid = 0 AND (contype <> 'c' OR conislocal)"
                + " ORDER BY CASE contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 ELSE 2 END, conname", rs -> {
                    String sql = "ALTER TABLE " + name + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(3);
                    (rs.getString(2).equals("f") ? out.foreignKeys : out.post).add(sql);
                    out.comment("CONSTRAINT " + rs.getString(1) + " ON " + name, rs.getString(4));
                });
    }

    /**
     * Indexes that no constraint owns (those come back with their constraint) and that are not a partition's part of
     * its parent's index (created on the parent, an index reaches every partition).
     */
    private static void indexes(Connection c, long table, Script out) throws SQLException {
        each(c, "SELECT pg_get_indexdef(i.indexrelid), i.indexrelid::regclass::text, x.relkind,"
                + " obj_description(i.indexrelid, 'pg_class'), quote_ident(xn.nspname) || '.' || quote_ident(x.relname)"
                + " FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_namespace xn"
                + " ON xn.oid = x.relnamespace WHERE i.indrelid = " + table + " AND NOT EXISTS (SELECT 1"
                + " FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid"
                + " AND k.contype IN ('p', 'u', 'x')) AND NOT EXISTS (SELECT 1 FROM pg_inherits h"
                + " WHERE h.inhrelid = i.indexrelid) ORDER BY x.relname", rs -> {
                    String def = rs.getString(1);
                    out.post.add(rs.getString(3).equals("I") ? def.replaceFirst(" ON ONLY ", " ON ") : def);
                    out.comment("INDEX " + rs.getString(5), rs.getString(4));
                });
    }

    private static void views(Connection c, String filter, Script out) throws SQLException {
        each(c, "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_userbyid(c.relowner),"
                + " pg_get_viewdef(c.oid), c.relacl IS NOT NULL, array_to_string(c.reloptions, ', '),"
                + " obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind = 'v' AND " + filter + " ORDER BY c.oid", rs -> {
                    String name = rs.getString(2);
                    String options = rs.getString(6);
                    out.post.add("CREATE VIEW " + name + (options == null || options.isEmpty() ? ""
                            : " WITH (" + options + ")") + " AS " + rs.getString(4));
                    out.post.add("ALTER VIEW " + name + " OWNER TO " + q(rs.getString(3)));
                    if (rs.getBoolean(5)) {
                        out.post.addAll(acl(c, "pg_class", "o.relacl", rs.getLong(1), "TABLE", name,
                                rs.getString(3)));
                    }
                    columnPrivileges(c, rs.getLong(1), name, out.post);
                    out.comment("VIEW " + name, rs.getString(7));
                    columnComments(c, rs.getLong(1), name, out);
                });
    }

    /** Triggers of tables and views (a partition's copy of its parent's trigger comes with the parent's). */
    private static void triggers(Connection c, String filter, Script out) throws SQLException {
        each(c, "SELECT pg_get_triggerdef(t.oid), quote_ident(t.tgname), t.tgenabled,"
                + " quote_ident(n.nspname) || '.' || quote_ident(c.relname), obj_description(t.oid, 'pg_trigger')"
                + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND " + filter
                + " ORDER BY c.oid, t.tgname", rs -> {
                    out.post.add(rs.getString(1));
                    String table = "ALTER TABLE " + rs.getString(4) + " ";
                    switch (rs.getString(3)) {
                        case "D" -> out.post.add(table + "DISABLE TRIGGER " + rs.getString(2));
                        case "R" -> out.post.add(table + "ENABLE REPLICA TRIGGER " + rs.getString(2));
                        case "A" -> out.post.add(table + "ENABLE ALWAYS TRIGGER " + rs.getString(2));
                        default -> {
                            // 'O': enabled, as created
                        }
                    }
                    out.comment("TRIGGER " + rs.getString(2) + " ON " + rs.getString(4), rs.getString(5));
                });
    }

    private static void statistics(Connection c, String filter, Script out) throws SQLException {
        each(c, "SELECT pg_get_statisticsobjdef(s.oid), quote_ident(n.nspname) || '.' || quote_ident(s.stxname),"
                + " pg_get_userbyid(s.stxowner), obj_description(s.oid, 'pg_statistic_ext') FROM pg_statistic_ext s"
                + " JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE " + filter + " ORDER BY s.oid", rs -> {
                    out.post.add(rs.getString(1));
                    out.post.add("ALTER STATISTICS " + rs.getString(2) + " OWNER TO " + q(rs.getString(3)));
                    out.comment("STATISTICS " + rs.getString(2), rs.getString(4));
                });
    }

    /**
     * Default privileges for the dumped schemas; for a whole-database dump also the database-wide ones (a list
     * that replaces the built-in default: revoke the default, grant the list).
     */
    private static void defaultPrivileges(Connection c, String filter, boolean whole, Script out)
            throws SQLException {
        String grantee = "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END";
        String sql = "SELECT quote_ident(pg_get_userbyid(d.defaclrole)), quote_ident(n.nspname), d.defaclobjtype,"
                + " 'GRANT', a.privilege_type, " + grantee + ", a.is_grantable, 1 FROM pg_default_acl d"
                + " JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) a WHERE " + filter;
        if (whole) {
            sql += " UNION ALL SELECT quote_ident(pg_get_userbyid(d.defaclrole)), '-', d.defaclobjtype, 'REVOKE',"
                    + " a.privilege_type, " + grantee + ", false, 0 FROM pg_default_acl d, aclexplode(acldefault("
                    + "CASE d.defaclobjtype WHEN 'S' THEN 's'::\"char\" ELSE d.defaclobjtype END, d.defaclrole)) a"
                    + " WHERE d.defaclnamespace = 0"
                    + " UNION ALL SELECT quote_ident(pg_get_userbyid(d.defaclrole)), '-', d.defaclobjtype, 'GRANT',"
                    + " a.privilege_type, " + grantee + ", a.is_grantable, 1 FROM pg_default_acl d,"
                    + " aclexplode(d.defaclacl) a WHERE d.defaclnamespace = 0";
        }
        each(c, sql + " ORDER BY 8, 1, 2, 3, 6, 5", rs -> out.defaults.add(defaultPrivilege(rs)));
    }

    /**
     * The statements that give an object exactly its access list: revoke the defaults, grant each entry in the
     * list's order (so that the list reads the same).
     *
     * @param list an expression over {@code o}, the object's catalog row, giving its access list
     */
    private static List<String> acl(Connection c, String catalog, String list, long oid, String kind, String name,
                                    String owner) throws SQLException {
        List<String> out = new ArrayList<>();
        out.add("REVOKE ALL ON " + kind + " " + name + " FROM PUBLIC");
        out.add("REVOKE ALL ON " + kind + " " + name + " FROM " + q(owner));
        each(c, "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,"
                + " a.privilege_type, a.is_grantable FROM " + catalog + " o, aclexplode(" + list + ") WITH ORDINALITY"
                + " a(grantor, grantee, privilege_type, is_grantable, n) WHERE o.oid = " + oid
                + " ORDER BY a.n", rs -> out.add("GRANT " + rs.getString(2) + " ON " + kind
                        + " " + name + " TO " + rs.getString(1) + (rs.getBoolean(3) ? " WITH GRANT OPTION" : "")));
        return out;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} (its values are literals: names from the catalog or checked ids) and hands over each row. */
    private static void each(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }

    private static ArrayNode strings(List<String> list) {
        ArrayNode a = JSON.createArrayNode();
        list.forEach(a::add);
        return a;
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String q(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
