package com.nextpanel.addons.catalog.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the names of the tables a migration creates, for the catalog's summary ("the tables it adds").
 * A deliberately simple scan, not a SQL parser: comments ({@code -- ...} and {@code /* ... *}{@code /}) are
 * removed, then every {@code CREATE TABLE [IF NOT EXISTS] name} is taken, case-insensitively; a schema
 * qualifier is dropped ({@code addon_x.sessions} → {@code sessions}); a quoted name keeps its case, an
 * unquoted one is lower-cased. Tables created by dynamic SQL or procedures are not found; the summary
 * informs the administrator, the isolation of the addon's schema is what enforces.
 */
public final class TableScanner {

    private static final String NAME = "(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern CREATE = Pattern.compile(
            "\\bCREATE\\s+(?:(?:GLOBAL\\s+|LOCAL\\s+)?(?:TEMPORARY|TEMP)\\s+|CACHED\\s+|MEMORY\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME + ")(?:\\s*\\.\\s*(" + NAME + "))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

    private TableScanner() {
    }

    /** @return the created tables in order of appearance, each once */
    public static List<String> createdTables(String sql) {
        return createdTables(List.of(sql));
    }

    /** @return the tables created by all the scripts, in order of appearance, each once */
    public static List<String> createdTables(List<String> scripts) {
        Set<String> tables = new LinkedHashSet<>();
        for (String sql : scripts) {
            Matcher m = CREATE.matcher(COMMENTS.matcher(sql).replaceAll(" "));
            while (m.find()) {
                tables.add(unquote(m.group(2) != null ? m.group(2) : m.group(1)));
            }
        }
        return new ArrayList<>(tables);
    }

    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }
}
