package com.nextpanel.addons.samples.notification_hub;

import com.nextpanel.addons.samples.common.RouteProblem;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholder language: {@code {{name}}}, names of letters, digits, {@code _} and {@code .}, spaces inside
 * the braces allowed. Deliberately tiny (no loops, no conditionals, no escaping): texts are plain, and every
 * variable must be given, so that no message goes out with a hole in it.
 */
final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*}}");

    private TemplateText() {
    }

    /** @return the variables the text uses, in order of first use; refused when a {@code {{} is malformed */
    static Set<String> variables(String field, String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int end = 0;
        while (m.find()) {
            checkNoStrayBraces(field, text.substring(end, m.start()));
            names.add(m.group(1));
            end = m.end();
        }
        checkNoStrayBraces(field, text.substring(end));
        return names;
    }

    private static void checkNoStrayBraces(String field, String between) {
        if (between.contains("{{") || between.contains("}}")) {
            throw RouteProblem.badRequest("field '" + field + "' has a malformed placeholder near '"
                    + between.strip() + "'; write {{name}}");
        }
    }

    /**
     * @param texts the texts to be rendered together (subject and body)
     * @return the variables they use that {@code variables} lacks, sorted
     */
    static Set<String> missing(Map<String, String> variables, String... texts) {
        Set<String> missing = new TreeSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!variables.containsKey(m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        return missing;
    }

    /** @return the text with every placeholder replaced; check {@link #missing} first */
    static String render(String text, Map<String, String> variables) {
        return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
    }
}
