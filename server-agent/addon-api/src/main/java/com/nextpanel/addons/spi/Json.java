package com.nextpanel.addons.spi;

import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer, so that an addon needs no JSON library. Written by hand because the SPI
 * must have no dependencies.
 *
 * <p>Writing accepts {@code null}, {@link String}, {@link Number}, {@link Boolean}, {@link Map} (string keys),
 * {@link Iterable}, arrays, {@link java.time.temporal.TemporalAccessor} (ISO text) and records (their
 * components, in order). Reading gives {@link Map} (insertion-ordered), {@link List}, {@link String},
 * {@link Long} or {@link java.math.BigDecimal}, {@link Boolean} and {@code null}.
 */
public final class Json {

    private Json() {
    }

    /**
     * @param value what to write
     * @return compact JSON text
     * @throws IllegalArgumentException for a value of a type it cannot write
     */
    public static String write(Object value) {
        throw new UnsupportedOperationException("not written yet");
    }

    /**
     * @param text JSON text
     * @return the value it holds
     * @throws IllegalArgumentException for malformed JSON, naming the offset
     */
    public static Object parse(String text) {
        throw new UnsupportedOperationException("not written yet");
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
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>) value;
    }
}
