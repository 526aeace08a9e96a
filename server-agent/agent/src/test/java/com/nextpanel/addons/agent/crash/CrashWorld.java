package com.nextpanel.addons.agent.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.agent.isolation.DatabaseCatalogSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Everything an administrator can see of the server after a job, as one value: what the API says is installed,
 * how the addons' routes answer (greeter's and welcome's, in {@code route}), which backups there are, the database
 * catalog, the rows of the addons, the core and the registry, and the files under {@code addons/} and
 * {@code backups/}. Values that differ between two runs of the same job (timestamps, job ids, the PostgreSQL
 * database's name in role names) are normalised away, so a crashed run can be compared with a reference run of
 * the same job in another data dir and database.
 */
record CrashWorld(List<String> registry, String route, List<String> backups, Map<String, List<String>> catalog,
                  List<String> rows, List<String> files) {

    private static final Set<String> VOLATILE_COLUMNS = Set.of("installed_at", "updated_at", "installed_on",
            "execution_time", "created_at", "issued_at");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern STAMP = Pattern.compile("\\d{8}T?-?\\d{6,9}Z?");
    private static final Pattern JOB8 = Pattern.compile("-[0-9a-f]{8}(?=$|/|\\.)");
    /** Names H2 makes up for indexes and constraints nobody named: a dump round trip numbers them anew. */
    private static final Pattern H2_GENERATED = Pattern.compile("\\b(PRIMARY_KEY|CONSTRAINT)(_[0-9A-F]+)?|_INDEX_[0-9A-F]+\\b");
    /** Casts and parentheses PostgreSQL adds when it deparses a CHECK that pg_dump wrote back (same expression). */
    private static final Pattern PG_DEPARSE = Pattern.compile("::(text|character varying|integer|bigint)(\\[\\])?|[()]");
    private static final Pattern ADDON_ROLE = Pattern.compile("addon_[a-z0-9_]+?_([0-9a-f]{6})\\b");

    /** The parts read through the API of a running agent. */
    record Live(List<String> registry, String route, List<String> backups) {
    }

    /** @return what the running agent shows: {@code GET /agent/v1/addons}, the routes, {@code GET /agent/v1/backups} */
    static Live live(CrashAgent agent) {
        List<String> registry = new ArrayList<>();
        for (JsonNode a : CrashAgent.json(agent.get("/agent/v1/addons").body())) {
            registry.add(a.path("id").asText() + " " + a.path("version").asText() + " " + a.path("state").asText());
        }
        String answer = answer(agent, CrashCatalog.ROUTE) + "; " + answer(agent, CrashCatalog.DEPENDENT_ROUTE);
        List<String> backups = new ArrayList<>();
        for (JsonNode b : CrashAgent.json(agent.get("/agent/v1/backups").body())) {
            backups.add(b.path("scope").asText() + " " + b.path("id").asText(b.path("addonId").asText()));
        }
        backups.sort(null);
        return new Live(List.copyOf(registry), answer, List.copyOf(backups));
    }

    private static String answer(CrashAgent agent, String path) {
        HttpResponse<String> route = agent.get(path);
        return "GET " + path + " " + route.statusCode() + (route.statusCode() == 200 ? " " + route.body() : "");
    }

    /**
     * @param live what the agent showed while it ran
     * @return the world, reading the database and the files (for H2, only once the agent has stopped)
     */
    static CrashWorld of(Live live, CrashCase c) {
        try (Connection db = c.connect()) {
            String hash = c.db().postgres().map(p -> hashOf(p.name())).orElse("");
            String dbName = c.db().postgres().map(p -> p.name()).orElse("");
            return new CrashWorld(live.registry(), live.route(), live.backups(), catalog(db, hash, dbName), rows(db, hash),
                    files(c.dataDir()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database of " + c.dataDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The world a job must leave on a server that already holds backups of earlier jobs: this world (the reference
     * run's "after") for everything but the backups, and for the backups those of {@code before} plus what the job
     * added in the reference run (this world's backups less those of {@code referenceBefore}).
     */
    CrashWorld after(CrashWorld before, CrashWorld referenceBefore) {
        List<String> files = new ArrayList<>(this.files.stream().filter(f -> !f.startsWith("backups/")).toList());
        files.addAll(plus(before.files.stream().filter(f -> f.startsWith("backups/")).toList(),
                this.files.stream().filter(f -> f.startsWith("backups/")).toList(),
                referenceBefore.files.stream().filter(f -> f.startsWith("backups/")).toList()));
        files.sort(null);
        List<String> backups = plus(before.backups, this.backups, referenceBefore.backups);
        backups.sort(null);
        return new CrashWorld(registry, route, List.copyOf(backups), catalog, rows, List.copyOf(files));
    }

    /** @return {@code base} plus what {@code after} has more than {@code before} (as multisets) */
    private static List<String> plus(List<String> base, List<String> after, List<String> before) {
        List<String> added = new ArrayList<>(after);
        before.forEach(added::remove);
        List<String> out = new ArrayList<>(base);
        out.addAll(added);
        return out;
    }

    /** @return every difference from {@code other}, one line each; empty when equal */
    List<String> differences(CrashWorld other) {
        List<String> out = new ArrayList<>();
        diff(out, "registry", registry, other.registry);
        diff(out, "routes", List.of(route), List.of(other.route));
        diff(out, "backups", backups, other.backups);
        TreeMap<String, List<String>> kinds = new TreeMap<>(catalog);
        other.catalog.forEach(kinds::putIfAbsent);
        kinds.keySet().forEach(k -> diff(out, "catalog " + k, catalog.getOrDefault(k, List.of()),
                other.catalog.getOrDefault(k, List.of())));
        diff(out, "rows", rows, other.rows);
        diff(out, "files", files, other.files);
        return out;
    }

    private static void diff(List<String> out, String what, List<String> mine, List<String> theirs) {
        int before = out.size();
        mine.stream().filter(l -> !theirs.contains(l)).forEach(l -> out.add(what + ": only here: " + l));
        theirs.stream().filter(l -> !mine.contains(l)).forEach(l -> out.add(what + ": only there: " + l));
        if (out.size() == before && !mine.equals(theirs)) {
            out.add(what + ": same lines in another order or count: " + mine + " vs " + theirs);
        }
    }

    /**
     * The catalog with this database's role suffix replaced by {@code #} and lines naming other databases' addon
     * roles (PostgreSQL roles are per cluster) left out.
     */
    private static Map<String, List<String>> catalog(Connection db, String hash, String dbName) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        DatabaseCatalogSnapshot.take(db).kinds().forEach((kind, lines) -> {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                var m = ADDON_ROLE.matcher(line);
                boolean foreign = false;
                while (m.find()) {
                    foreign |= !m.group(1).equals(hash);
                }
                if (foreign) {
                    continue;
                }
                String normal = hash.isEmpty() ? H2_GENERATED.matcher(line).replaceAll(g -> g.group().startsWith("_")
                        ? "_INDEX_#" : g.group(1) + "_#") : line.replace("_" + hash, "_#");
                if (!hash.isEmpty() && kind.equals("constraints")) {
                    normal = PG_DEPARSE.matcher(normal).replaceAll("");
                }
                if (hash.isEmpty() && kind.equals("indexes") && normal.contains("_INDEX_#")) {
                    // H2's own index behind a constraint: after a dump round trip a foreign key reuses an index
                    // the schema declares (billing.invoices_customer_idx) instead; the constraint itself is compared
                    continue;
                }
                kept.add(dbName.isEmpty() ? normal : normal.replace(dbName, "#db"));
            }
            kept.sort(null);
            out.put(kind, List.copyOf(kept));
        });
        return out;
    }

    /** Every row of the addon schemas, the billing core and the registry table, without run-dependent columns. */
    private static List<String> rows(Connection db, String hash) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String table = rs.getString("TABLE_NAME");
                String s = schema.toLowerCase(Locale.ROOT);
                if (s.startsWith("addon_") || s.equals("billing")
                        || s.equals("agent") && table.equalsIgnoreCase("addons")) {
                    tables.add("\"" + schema + "\".\"" + table + "\"");
                }
            }
        }
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder(table.toLowerCase(Locale.ROOT)).append(':');
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            int type = meta.getColumnType(i);
                            String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                            if (VOLATILE_COLUMNS.contains(column) || type == Types.TIMESTAMP
                                    || type == Types.TIMESTAMP_WITH_TIMEZONE) {
                                continue;
                            }
                            line.append(' ').append(column).append('=').append(rs.getString(i));
                        }
                        rows.add(hash.isEmpty() ? line.toString() : line.toString().replace("_" + hash, "_#"));
                    }
                }
            }
        }
        rows.sort(null);
        return List.copyOf(rows);
    }

    /** Files under {@code addons/} with their SHA-256, and the names under {@code backups/} (ids normalised). */
    private static List<String> files(Path dataDir) {
        List<String> out = new ArrayList<>();
        for (String top : List.of("addons", "backups")) {
            Path dir = dataDir.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String name = dataDir.relativize(p).toString().replace('\\', '/');
                    out.add(top.equals("addons") ? name + " " + sha256(p) : normalise(name));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (Files.exists(dataDir.resolve("addon_registry.json"))) {
            out.add("addon_registry.json");
        }
        out.sort(null);
        return List.copyOf(out);
    }

    static String normalise(String name) {
        String n = UUID.matcher(name).replaceAll("<job>");
        n = STAMP.matcher(n).replaceAll("<time>");
        return JOB8.matcher(n).replaceAll("-<job8>");
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hashOf(String database) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a short multi-line description for failure messages */
    String describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registry", registry);
        m.put("route", route);
        m.put("backups", backups);
        m.put("rows", rows);
        m.put("files", files);
        return m.toString();
    }
}
