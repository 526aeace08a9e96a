package com.nextpanel.addons.spi;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A small JSON reader and writer (RFC 8259), so that an addon needs no JSON library. Written by hand because
 * the SPI must have no dependencies.
 *
 * <p>Writing accepts {@code null}, {@link String} and {@link Character}, {@link Number} (finite), {@link Boolean},
 * {@link Map} (string keys), {@link Iterable}, arrays (object and primitive), {@link Optional} (its value or
 * {@code null}), {@link TemporalAccessor} (ISO text, as {@code toString()} gives it), {@link Enum} (its name),
 * {@link UUID} (text) and records (an object of their components, in order). Output is compact; non-ASCII
 * characters are written as they are, control characters and lone surrogates as {@code \}{@code uXXXX} escapes.
 *
 * <p>Reading gives {@link Map} (insertion-ordered), {@link List}, {@link String}, {@link Long} (integers that fit)
 * or {@link BigDecimal} (other numbers), {@link Boolean} and {@code null}. It is strict: one value with only
 * whitespace around it, no comments, no trailing commas, no duplicate keys, no unescaped control characters,
 * at most {@value #MAX_DEPTH} levels of nesting. Errors are {@link IllegalArgumentException}s naming the
 * character offset where the text went wrong.
 */
public final class Json {

    /** Nesting limit for reading and writing: bounds the stack an untrusted request body can use. */
    public static final int MAX_DEPTH = 256;

    private Json() {
    }

    /**
     * @param value what to write
     * @return compact JSON text
     * @throws IllegalArgumentException for a value of a type it cannot write, a non-finite number, a non-string
     *     map key or nesting deeper than {@value #MAX_DEPTH} (a cycle, for instance)
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(value, out, 0);
        return out.toString();
    }

    /**
     * @param text JSON text
     * @return the value it holds
     * @throws IllegalArgumentException for malformed JSON, naming the offset
     */
    public static Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("malformed JSON at offset 0: no text");
        }
        return new Reader(text).readDocument();
    }

    /**
     * @param text JSON text holding an object
     * @return that object
     * @throws IllegalArgumentException when the text is malformed or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object but found " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    // ---------------------------------------------------------------- writing

    private static void writeValue(Object value, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("cannot write JSON nested deeper than " + MAX_DEPTH
                    + " levels (is there a cycle?)");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character || value instanceof UUID
                || value instanceof TemporalAccessor) {
            writeString(value.toString(), out);
        } else if (value instanceof Enum<?> constant) {
            writeString(constant.name(), out);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number number) {
            writeNumber(number, out);
        } else if (value instanceof Optional<?> optional) {
            writeValue(optional.orElse(null), out, depth);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, out, depth);
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                first = comma(first, out);
                writeValue(item, out, depth + 1);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                comma(i == 0, out);
                writeValue(Array.get(value, i), out, depth + 1);
            }
            out.append(']');
        } else if (value instanceof Record record) {
            writeRecord(record, out, depth);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static boolean comma(boolean first, StringBuilder out) {
        if (!first) {
            out.append(',');
        }
        return false;
    }

    private static void writeMap(Map<?, ?> map, StringBuilder out, int depth) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("cannot write a JSON object key of type "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            first = comma(first, out);
            writeString(key, out);
            out.append(':');
            writeValue(entry.getValue(), out, depth + 1);
        }
        out.append('}');
    }

    /** A record class's components: names and accessors, looked up once per class. */
    private record Components(String[] names, Method[] accessors) {
    }

    // ClassValue ties the cache to the record class itself, so it never keeps an unloaded addon's classes alive.
    private static final ClassValue<Components> COMPONENTS = new ClassValue<>() {
        @Override
        protected Components computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            String[] names = new String[components.length];
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                accessors[i] = components[i].getAccessor();
                // Records declared private or package-private inside an addon are common; their accessors are
                // public methods of a non-public class, so reflection needs to be allowed explicitly.
                accessors[i].trySetAccessible();
            }
            return new Components(names, accessors);
        }
    };

    private static void writeRecord(Record record, StringBuilder out, int depth) {
        Components components = COMPONENTS.get(record.getClass());
        out.append('{');
        for (int i = 0; i < components.names().length; i++) {
            comma(i == 0, out);
            writeString(components.names()[i], out);
            out.append(':');
            writeValue(componentValue(record, components.names()[i], components.accessors()[i]), out, depth + 1);
        }
        out.append('}');
    }

    private static Object componentValue(Record record, String name, Method accessor) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot read record component " + record.getClass().getName()
                    + "." + name + ": " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("record component " + record.getClass().getName() + "."
                    + name + " threw " + e.getCause(), e.getCause());
        }
    }

    private static void writeNumber(Number number, StringBuilder out) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("cannot write the non-finite number " + number + " as JSON");
            }
            out.append(number);
        } else if (number instanceof BigDecimal decimal) {
            out.append(decimal);
        } else if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger) {
            out.append(number);
        } else {
            // AtomicLong, DoubleAdder and others: through their text, checked to be a JSON number.
            String text = number.toString();
            try {
                out.append(new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cannot write the number " + text + " as JSON", e);
            }
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    // ---------------------------------------------------------------- reading

    /** A recursive-descent reader over one text; not thread-safe, used once. */
    private static final class Reader {

        private final String text;
        private int pos;
        private int depth;

        Reader(String text) {
            this.text = text;
        }

        Object readDocument() {
            skipWhitespace();
            Object value = readValue();
            skipWhitespace();
            if (pos < text.length()) {
                throw error("unexpected " + quoted(text.charAt(pos)) + " after the JSON value");
            }
            return value;
        }

        private Object readValue() {
            if (pos >= text.length()) {
                throw error("unexpected end of text, expected a value");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> readObject();
                case '[' -> readArray();
                case '"' -> readString();
                case 't' -> readLiteral("true", Boolean.TRUE);
                case 'f' -> readLiteral("false", Boolean.FALSE);
                case 'n' -> readLiteral("null", null);
                default -> {
                    if (c == '-' || isDigit(c)) {
                        yield readNumber();
                    }
                    throw error("unexpected " + quoted(c) + ", expected a value");
                }
            };
        }

        private Map<String, Object> readObject() {
            enter();
            pos++; // '{'
            Map<String, Object> object = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                depth--;
                return object;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error(pos >= text.length() ? "unexpected end of text, expected an object key"
                            : "unexpected " + quoted(text.charAt(pos)) + ", expected an object key");
                }
                int keyOffset = pos;
                String key = readString();
                if (object.containsKey(key)) {
                    throw new IllegalArgumentException("malformed JSON at offset " + keyOffset
                            + ": duplicate key \"" + key + "\"");
                }
                skipWhitespace();
                expect(':', "after an object key");
                skipWhitespace();
                object.put(key, readValue());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == '}') {
                    pos++;
                    depth--;
                    return object;
                } else {
                    throw unexpected("',' or '}' in an object");
                }
            }
        }

        private List<Object> readArray() {
            enter();
            pos++; // '['
            List<Object> array = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                depth--;
                return array;
            }
            while (true) {
                skipWhitespace();
                array.add(readValue());
                skipWhitespace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == ']') {
                    pos++;
                    depth--;
                    return array;
                } else {
                    throw unexpected("',' or ']' in an array");
                }
            }
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH + " levels");
            }
        }

        private String readString() {
            int start = pos;
            pos++; // opening quote
            StringBuilder s = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw new IllegalArgumentException("malformed JSON at offset " + start
                            + ": unterminated string");
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    pos++;
                    return s.toString();
                }
                if (c == '\\') {
                    readEscape(s);
                } else if (c < 0x20) {
                    throw error("unescaped control character " + String.format("U+%04X", (int) c) + " in a string");
                } else {
                    s.append(c);
                    pos++;
                }
            }
        }

        private void readEscape(StringBuilder s) {
            int start = pos;
            pos++; // backslash
            if (pos >= text.length()) {
                throw new IllegalArgumentException("malformed JSON at offset " + start + ": unterminated escape");
            }
            char c = text.charAt(pos++);
            switch (c) {
                case '"' -> s.append('"');
                case '\\' -> s.append('\\');
                case '/' -> s.append('/');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> s.append(readHex4(start));
                default -> throw new IllegalArgumentException("malformed JSON at offset " + start
                        + ": invalid escape \\" + (c < 0x20 ? quoted(c) : String.valueOf(c)));
            }
        }

        private char readHex4(int escapeStart) {
            if (pos + 4 > text.length()) {
                throw new IllegalArgumentException("malformed JSON at offset " + escapeStart
                        + ": \\u escape needs four hex digits");
            }
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = hexDigit(text.charAt(pos + i));
                if (digit < 0) {
                    throw new IllegalArgumentException("malformed JSON at offset " + escapeStart
                            + ": \\u escape needs four hex digits");
                }
                value = value * 16 + digit;
            }
            pos += 4;
            return (char) value;
        }

        /** Only ASCII hex digits: {@link Character#digit} would also take other scripts' digits. */
        private static int hexDigit(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        }

        private Object readLiteral(String literal, Object value) {
            if (!text.startsWith(literal, pos)) {
                throw error("unexpected " + quoted(text.charAt(pos)) + ", expected a value");
            }
            pos += literal.length();
            return value;
        }

        private Number readNumber() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("expected a digit in a number");
            }
            boolean integer = true;
            if (peek() == '.') {
                integer = false;
                pos++;
                if (!isDigit(peek())) {
                    throw error("expected a digit after the decimal point");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                integer = false;
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("expected a digit in the exponent");
                }
                digits();
            }
            String number = text.substring(start, pos);
            if (integer && number.length() <= 20) { // longer cannot fit a long: skip the exception
                try {
                    return Long.parseLong(number);
                } catch (NumberFormatException tooBig) {
                    // falls through to BigDecimal
                }
            }
            try {
                return new BigDecimal(number);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("malformed JSON at offset " + start + ": number out of range: "
                        + number, e);
            }
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** @return the next character, or NUL at the end (NUL cannot start any JSON token) */
        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c, String where) {
            if (peek() != c) {
                throw unexpected(quoted(c) + " " + where);
            }
            pos++;
        }

        private void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private IllegalArgumentException unexpected(String expected) {
            if (pos >= text.length()) {
                return error("unexpected end of text, expected " + expected);
            }
            return error("unexpected " + quoted(text.charAt(pos)) + ", expected " + expected);
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + message);
        }

        private static String quoted(char c) {
            return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
        }
    }
}
