package com.nextpanel.addons.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A bench runner, not a test: writes and parses a 1 MB document of 10,000 records and prints the throughput of
 * each round. Run it from the module after {@code test-compile}:
 * {@code java -cp target/classes:target/test-classes com.nextpanel.addons.spi.JsonBenchmark}.
 */
public final class JsonBenchmark {

    private record Row(long id, String title, String status, List<String> tags, double score) {
    }

    private JsonBenchmark() {
    }

    public static void main(String[] args) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(new Row(i, "Chat \"session\" " + i + " é😀", "OPEN", List.of("a", "b\n"), i / 3.0));
        }
        String text = Json.write(rows);
        System.out.println("document: " + text.length() + " chars, " + rows.size() + " records");
        double megabytes = text.length() * 10 / 1e6;
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 10; k++) {
                Json.write(rows);
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < 10; k++) {
                Json.parse(text);
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: write %.0f MB/s, parse %.0f MB/s%n", round,
                    megabytes / ((t1 - t0) / 1e9), megabytes / ((t2 - t1) / 1e9));
        }
    }
}
