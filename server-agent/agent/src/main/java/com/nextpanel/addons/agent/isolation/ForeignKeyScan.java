package com.nextpanel.addons.agent.isolation;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The foreign keys an addon's migrations declare to tables outside its own schema ({@code REFERENCES
 * billing.customers (id)}), so that each is checked against the addon's permissions before anything runs, and so that
 * H2, which has no {@code REFERENCES} privilege, can be given what it needs for exactly those statements.
 *
 * <p>A deliberately simple scan, not a SQL parser (as the catalog's {@code TableScanner}): comments and the text of
 * string literals are blanked, statements split at {@code ;}, names matched by pattern. It errs on the side of refusing:
 * {@link #checkElevatable} accepts only plain {@code CREATE TABLE}, {@code ALTER TABLE} and {@code CREATE INDEX}
 * statements naming nothing outside the addon's schema but their permitted {@code REFERENCES} targets.
 */
final class ForeignKeyScan {

    private static final String NAME = "(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern QUALIFIED = Pattern.compile(NAME + "\\s*\\.\\s*" + NAME);
    private static final Pattern REFERENCES = Pattern.compile("\\bREFERENCES\\s+" + NAME + "\\s*\\.\\s*" + NAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ELEVATABLE = Pattern.compile(
            "^(CREATE\\s+(CACHED\\s+|MEMORY\\s+)?TABLE|ALTER\\s+TABLE|CREATE\\s+(UNIQUE\\s+)?INDEX)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * A foreign key to a table outside the addon's schema.
     *
     * @param file the migration's file name, e.g. {@code V2__points.sql}
     * @param schema the referenced table's schema as written, folded to lower case unless quoted
     * @param table the referenced table, folded likewise
     */
    record Reference(String file, String schema, String table) {
        String qualifiedTable() {
            return schema + "." + table;
        }
    }

    private ForeignKeyScan() {
    }

    /** @return every foreign key of the migrations in {@code dir} to a table outside {@code ownSchema}, in file order */
    static List<Reference> outside(Path dir, String ownSchema) {
        List<Reference> out = new ArrayList<>();
        for (Path file : files(dir)) {
            for (String statement : statements(read(file))) {
                out.addAll(outside(file.getFileName().toString(), statement, ownSchema));
            }
        }
        return out;
    }

    /**
     * Checks that every statement of {@code file} may run with H2's schema-owner right: the kinds of statement that
     * declare a foreign key, naming nothing outside the addon's schema but permitted {@code REFERENCES} targets.
     *
     * @throws AgentException {@code BAD_REQUEST} naming the file and the statement otherwise
     */
    static void checkElevatable(String addonId, Path file, String ownSchema, List<TableGrant> grants) {
        String name = file.getFileName().toString();
        List<String> statements = statements(read(file));
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            String why = ELEVATABLE.matcher(statement).find() ? namesOutside(statement, ownSchema, grants) : "it is not a"
                    + " CREATE TABLE, ALTER TABLE or CREATE INDEX";
            if (!why.isEmpty()) {
                throw new AgentException(ErrorCode.BAD_REQUEST, "addon " + addonId + ": migrations/" + name
                        + " declares a foreign key to a core table, so on H2 its statements may only create or alter the"
                        + " addon's own tables; statement " + (i + 1) + " is refused because " + why
                        + " (move it to a migration of its own)");
            }
        }
    }

    /** @return every {@code .sql} file of {@code dir}, by name; none when it does not exist */
    static List<Path> files(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Reference> outside(String file, String statement, String ownSchema) {
        List<Reference> out = new ArrayList<>();
        Matcher m = REFERENCES.matcher(statement);
        while (m.find()) {
            String schema = fold(m.group(1));
            if (!schema.equalsIgnoreCase(ownSchema)) {
                out.add(new Reference(file, schema, fold(m.group(2))));
            }
        }
        return out;
    }

    /** @return why a qualified name of {@code statement} is not allowed, or empty */
    private static String namesOutside(String statement, String ownSchema, List<TableGrant> grants) {
        List<int[]> referenceSpans = new ArrayList<>();
        Matcher r = REFERENCES.matcher(statement);
        while (r.find()) {
            String target = fold(r.group(1)) + "." + fold(r.group(2));
            boolean own = fold(r.group(1)).equalsIgnoreCase(ownSchema);
            if (!own && grants.stream().noneMatch(g -> g.qualifiedTable().equalsIgnoreCase(target))) {
                return "it references " + target + ", which no permission grants";
            }
            referenceSpans.add(new int[] {r.start(1), r.end(2)});
        }
        Matcher q = QUALIFIED.matcher(statement);
        while (q.find()) {
            int start = q.start();
            boolean inReference = referenceSpans.stream().anyMatch(s -> start >= s[0] && start < s[1]);
            if (!inReference && !fold(q.group(1)).equalsIgnoreCase(ownSchema)) {
                return "it names " + q.group() + " outside the addon's schema";
            }
        }
        return "";
    }

    private static String fold(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name.toLowerCase(Locale.ROOT);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the statements of a script, trimmed, empty ones left out; comments removed and the text inside string
     *         literals blanked (so neither can hide or fake a name)
     */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder(script.length());
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && script.startsWith("--", i)) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? script.length() : end + 2;
                code.append(' ');
            } else if (c == '\'') {
                int end = i + 1;
                while (end < script.length() && (script.charAt(end) != '\'' || script.startsWith("''", end))) {
                    end += script.startsWith("''", end) ? 2 : 1;
                }
                code.append("''");
                i = end + 1;
            } else if (c == '"') {
                int end = script.indexOf('"', i + 1);
                end = end < 0 ? script.length() - 1 : end;
                code.append(script, i, end + 1);
                i = end + 1;
            } else {
                code.append(c);
                i++;
            }
        }
        List<String> out = new ArrayList<>();
        for (String statement : code.toString().split(";")) {
            if (!statement.isBlank()) {
                out.add(statement.strip());
            }
        }
        return out;
    }
}
