package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * OLPC canonical JSON (http://wiki.laptop.org/go/Canonical_JSON) as TUF implementations compute it
 * (securesystemslib {@code encode_canonical}, tuf-js {@code @tufjs/canonical-json}): object keys sorted,
 * no whitespace, only integers, strings escaped only for {@code \} and {@code "}, UTF-8 bytes.
 *
 * <p>Hand-written on purpose: there is no maintained Java library for this dialect (the RFC 8785 JCS
 * libraries escape control characters and format numbers differently, so their bytes would not match
 * the signatures other TUF clients compute), and the whole encoder is forty lines.
 *
 * <p>Keys are sorted by UTF-16 code units, as JavaScript's {@code Array.sort} does; for the ASCII keys
 * TUF metadata uses this equals Python's code point order.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * @throws IllegalArgumentException for a float or any value that canonical JSON cannot represent
     */
    public static byte[] encode(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(null);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new IllegalArgumentException("canonical JSON allows integers only, found " + node);
                }
                out.append(node.bigIntegerValue());
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("canonical JSON cannot encode " + node.getNodeType());
        }
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        // nearly every string needs no escape: append it whole (a bulk copy) rather than char by char,
        // which matters for a targets.json of thousands of entries read by a JVM that has not compiled this yet
        if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
            out.append(value).append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }
}
