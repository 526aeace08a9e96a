package com.nextpanel.addons.agent.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.util.ScriptReader;

/**
 * The job journal ({@code agent.jobs}, {@code agent.job_steps}) is not part of what a full backup captures nor of
 * what a full restore replaces: it is the history of the jobs, the running restore's own included, and a restore
 * that dropped and rewrote it would leave a moment (a crash, a status poll) in which the journal is the backup's.
 * This class leaves it out of dumps and out of loads, for the three dump formats. Dumps taken before (which hold the
 * journal tables) are filtered the same way when they are restored.
 *
 * <p>The statements are recognised by the object they create or fill, at the start of the statement, never by text
 * inside row data. Hand-written: no library filters SQL dumps by object.
 */
final class JournalTables {

    static final String SCHEMA = "agent";
    static final List<String> TABLES = List.of("jobs", "job_steps");

    private static final String NAME = "(?:\"?agent\"?)\\.(?:\"?(?:jobs|job_steps)\"?)(?=[\\s(.;,]|$)";

    /** H2 {@code SCRIPT} statements (quoted names) about the journal tables. */
    private static final Pattern H2_STATEMENT = Pattern.compile("^(?:CREATE\\s+(?:CACHED\\s+|MEMORY\\s+)?TABLE"
            + "|INSERT\\s+INTO|ALTER\\s+TABLE|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+\"[^\"]*\"\\.\"[^\"]*\"\\s+ON"
            + "|(?:GRANT|REVOKE)\\s+[^\"]*?\\s+ON|COMMENT\\s+ON\\s+(?:TABLE|COLUMN))\\s+" + NAME,
            Pattern.CASE_INSENSITIVE);

    /** PostgreSQL statements of a JDBC {@code COPY} dump about the journal tables or their identity sequence. */
    private static final Pattern PG_STATEMENT = Pattern.compile("^(?:CREATE\\s+TABLE|ALTER\\s+TABLE(?:\\s+ONLY)?"
            + "|(?:GRANT|REVOKE)\\s+[^\"]*?\\s+ON\\s+TABLE|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+\\S+\\s+ON(?:\\s+ONLY)?"
            + "|COMMENT\\s+ON\\s+(?:TABLE|COLUMN))\\s+" + NAME
            + "|^SELECT\\s+(?:pg_catalog\\.)?setval\\('(?:\"?agent\"?)\\.(?:\"?jobs_seq_seq\"?)'",
            Pattern.CASE_INSENSITIVE);

    /** The schema's creation in a JDBC {@code COPY} dump: the schema stays, so it must not fail when it exists. */
    private static final Pattern PG_CREATE_SCHEMA = Pattern.compile("^CREATE\\s+SCHEMA\\s+(\"agent\"|agent)\\s",
            Pattern.CASE_INSENSITIVE);

    /** The header of an entry of a {@code pg_dump} plain script: {@code -- [Data for ]Name: x; Type: y; Schema: z;}. */
    private static final Pattern PG_DUMP_ENTRY = Pattern.compile(
            "^-- (?:Data for )?Name: (.*); Type: ([^;]*); Schema: ([^;]*);");

    /**
     * The names {@code pg_dump} gives the journal's entries in schema agent: tables and their data, the identity
     * sequence and the indexes of the journal's migration, {@code <table> <constraint>}, and {@code TABLE <table>} or
     * {@code COLUMN <table>.<column>} for grants and comments.
     */
    private static final Pattern PG_DUMP_NAME = Pattern.compile("^(?:jobs|job_steps|jobs_seq_seq|jobs_seq|jobs_state"
            + "|(?:jobs|job_steps) \\S+|(?:TABLE|COLUMN) (?:jobs|job_steps)(?:\\.\\S+)?)$");

    private JournalTables() {
    }

    /** @return whether {@code schema.table} is one of the journal's tables */
    static boolean isJournal(String schema, String table) {
        return schema.equalsIgnoreCase(SCHEMA) && TABLES.contains(table.toLowerCase(Locale.ROOT));
    }

    /** @return {@code pg_dump} options that leave the journal out */
    static List<String> pgDumpExcludes() {
        return TABLES.stream().map(t -> "--exclude-table=" + SCHEMA + "." + t).toList();
    }

    /**
     * Copies an H2 {@code SCRIPT} without the statements about the journal tables.
     *
     * @return how many statements were left out
     */
    static int filterH2Script(Path in, Path out) throws IOException {
        int skipped = 0;
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             ScriptReader script = new ScriptReader(reader);
             Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String statement;
            while ((statement = script.readStatement()) != null) {
                if (H2_STATEMENT.matcher(withoutLeadingRemarks(statement)).find()) {
                    skipped++;
                    continue;
                }
                writer.write(statement);
                writer.write(";\n");
            }
        }
        return skipped;
    }

    /**
     * Copies a {@code pg_dump} plain script without the journal's entries (dumps taken before the journal was
     * excluded), creating the schema {@code agent} only if it does not exist (the journal tables keep it).
     *
     * @return how many entries were left out
     */
    static int filterPgDump(Path in, Path out) throws IOException {
        int skipped = 0;
        boolean skipping = false;
        boolean inCopy = false;
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (inCopy) {
                    inCopy = !line.equals("\\.");
                } else {
                    Matcher entry = PG_DUMP_ENTRY.matcher(line);
                    if (entry.find()) {
                        skipping = entry.group(3).equals(SCHEMA) && PG_DUMP_NAME.matcher(entry.group(1)).matches();
                        skipped += skipping ? 1 : 0;
                    } else if (line.startsWith("COPY ") && line.endsWith(" FROM stdin;")) {
                        inCopy = true;
                    } else if (line.equals("CREATE SCHEMA " + SCHEMA + ";")) {
                        line = "CREATE SCHEMA IF NOT EXISTS " + SCHEMA + ";";
                    }
                }
                if (!skipping) {
                    writer.write(line);
                    writer.write('\n');
                }
            }
        }
        return skipped;
    }

    /** @return whether a JDBC {@code COPY} dump's {@code copy.json} holds the journal or creates schema agent */
    static boolean copyDumpNeedsFilter(JsonNode root) {
        return !filterCopyDump(root).dropped().isEmpty() || statements(root, "pre").stream()
                .anyMatch(s -> PG_CREATE_SCHEMA.matcher(s).find());
    }

    /**
     * @param copy the filtered {@code copy.json}
     * @param dropped the data files of the journal tables it no longer names, relative to the dump
     */
    record FilteredCopy(ObjectNode copy, List<String> dropped) {
    }

    /**
     * A JDBC {@code COPY} dump's {@code copy.json} without the journal tables and every statement about them, and
     * with {@code CREATE SCHEMA IF NOT EXISTS "agent"}.
     */
    static FilteredCopy filterCopyDump(JsonNode root) {
        ObjectNode out = root.deepCopy();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode pre = f.arrayNode();
        for (String s : statements(root, "pre")) {
            if (PG_STATEMENT.matcher(s).find()) {
                continue;
            }
            Matcher schema = PG_CREATE_SCHEMA.matcher(s);
            pre.add(schema.find() ? "CREATE SCHEMA IF NOT EXISTS " + schema.group(1) + s.substring(schema.end(1))
                    : s);
        }
        ArrayNode post = f.arrayNode();
        statements(root, "post").stream().filter(s -> !PG_STATEMENT.matcher(s).find()).forEach(post::add);
        ArrayNode tables = f.arrayNode();
        List<String> dropped = new ArrayList<>();
        for (JsonNode t : root.path("tables")) {
            if (Pattern.compile("^" + NAME + "$", Pattern.CASE_INSENSITIVE).matcher(t.path("table").asText()).find()) {
                dropped.add(t.path("file").asText());
            } else {
                tables.add(t);
            }
        }
        out.set("pre", pre);
        out.set("tables", tables);
        out.set("post", post);
        return new FilteredCopy(out, dropped);
    }

    private static List<String> statements(JsonNode root, String key) {
        List<String> out = new ArrayList<>();
        root.path(key).forEach(n -> out.add(n.asText()));
        return out;
    }

    /** H2 {@code SCRIPT} puts a {@code -- n +/- SELECT COUNT(*)} remark before a table's rows. */
    private static String withoutLeadingRemarks(String statement) {
        String s = statement.stripLeading();
        while (true) {
            if (s.startsWith("--")) {
                int eol = s.indexOf('\n');
                s = eol < 0 ? "" : s.substring(eol + 1).stripLeading();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).stripLeading();
            } else {
                return s;
            }
        }
    }
}
