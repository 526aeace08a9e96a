package com.nextpanel.addons.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options of a bench's main; an unknown or malformed one stops it with one clear line. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();

    private Args(String[] args, String... known) {
        java.util.Set<String> allowed = java.util.Set.of(known);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !allowed.contains(name.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option '" + name + "'; options: --" + String.join(" N, --", known) + " N");
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    /** @param known the option names without {@code --} */
    public static Args parse(String[] args, String... known) {
        return new Args(args, known);
    }

    public int intValue(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number >= 0: '" + v + "'");
        }
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
