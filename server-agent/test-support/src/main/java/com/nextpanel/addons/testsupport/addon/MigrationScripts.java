package com.nextpanel.addons.testsupport.addon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds {@code V<n>__<name>.sql} files and splits them into statements, as far as the samples need: Flyway's
 * naming and ordering (numeric parts, so V2 before V10) without Flyway, which the harness keeps out so that a
 * sample's test proves its SQL is plain JDBC-runnable.
 */
final class MigrationScripts {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__([A-Za-z0-9_]+)\\.sql");

    /** One migration file. */
    record Migration(String version, Path file) {
    }

    private MigrationScripts() {
    }

    /** @return the migrations of all (existing) directories, ordered by version; a version found twice is an error */
    static List<Migration> find(List<Path> dirs) {
        TreeMap<List<BigInteger>, Migration> byVersion = new TreeMap<>(MigrationScripts::compareVersions);
        for (Path dir : dirs) {
            if (!Files.exists(dir)) {
                continue; // an addon without tables has no migrations/
            }
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("not a directory: " + dir.toAbsolutePath());
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    Matcher m = NAME.matcher(file.getFileName().toString());
                    if (!m.matches()) {
                        throw new IllegalArgumentException("not a migration name V<n>__<name>.sql: " + file);
                    }
                    String version = m.group(1).replace('_', '.');
                    Migration previous = byVersion.put(parts(version), new Migration(version, file));
                    if (previous != null) {
                        throw new IllegalArgumentException("migration version " + version + " twice: "
                                + previous.file() + " and " + file);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(byVersion.values());
    }

    private static List<BigInteger> parts(String version) {
        return Arrays.stream(version.split("\\.")).map(BigInteger::new).toList();
    }

    private static int compareVersions(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int c = (i < a.size() ? a.get(i) : BigInteger.ZERO).compareTo(i < b.size() ? b.get(i) : BigInteger.ZERO);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }


    /**
     * Splits SQL text at semicolons outside quotes and comments; drops {@code --} and block comments.
     *
     * @return the statements, trimmed, without empty ones
     */
    static List<String> statements(Path file) {
        String sql;
        try {
            sql = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException(file + ": unterminated comment");
                }
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2); // doubled quote inside the literal
                }
                if (end < 0) {
                    throw new IllegalArgumentException(file + ": unterminated quote at offset " + i);
                }
                current.append(sql, i, end + 1);
                i = end + 1;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().trim();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
