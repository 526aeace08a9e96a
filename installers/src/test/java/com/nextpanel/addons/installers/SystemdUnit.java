package com.nextpanel.addons.installers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a unit's ExecStart and an EnvironmentFile the way systemd does for the syntax our unit uses:
 * {@code ${NAME}} becomes the value as one word, {@code $NAME} alone becomes the value split at whitespace
 * (zero or more words). Lets the tests run exactly the command the service would run.
 */
final class SystemdUnit {

    private static final Pattern BRACED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern BARE_WORD = Pattern.compile("^\\$([A-Za-z_][A-Za-z0-9_]*)$");

    private SystemdUnit() {
    }

    /** The value of the first {@code KEY=} line in a unit (e.g. "ExecStart"). */
    static Optional<String> setting(String unit, String key) {
        return unit.lines()
                .map(String::strip)
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1))
                .findFirst();
    }

    /** The variables of an EnvironmentFile: NAME=VALUE lines, # comments, optional surrounding quotes. */
    static Map<String, String> environment(String file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : file.lines().map(String::strip).toList()) {
            int eq = line.indexOf('=');
            if (line.isEmpty() || line.startsWith("#") || eq < 1) {
                continue;
            }
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, eq).strip(), value);
        }
        return values;
    }

    /** The names of the variables a command line refers to. */
    static List<String> variables(String commandLine) {
        List<String> names = new ArrayList<>();
        for (String word : commandLine.split("\\s+")) {
            Matcher bare = BARE_WORD.matcher(word);
            if (bare.matches()) {
                names.add(bare.group(1));
            }
            Matcher braced = BRACED.matcher(word);
            while (braced.find()) {
                names.add(braced.group(1));
            }
        }
        return names;
    }

    /** Expands the command line's variables into its argument words; an unset variable is empty. */
    static List<String> expand(String commandLine, Map<String, String> env) {
        List<String> words = new ArrayList<>();
        for (String word : commandLine.strip().split("\\s+")) {
            Matcher bare = BARE_WORD.matcher(word);
            if (bare.matches()) {
                String value = env.getOrDefault(bare.group(1), "").strip();
                if (!value.isEmpty()) {
                    words.addAll(List.of(value.split("\\s+")));
                }
                continue;
            }
            words.add(BRACED.matcher(word).replaceAll(match -> Matcher.quoteReplacement(env.getOrDefault(match.group(1), ""))));
        }
        return words;
    }
}
