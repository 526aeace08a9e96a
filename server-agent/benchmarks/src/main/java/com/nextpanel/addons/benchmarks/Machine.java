package com.nextpanel.addons.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What the figures were measured on: printed at the start and end of every bench, for the record. */
public final class Machine {

    private Machine() {
    }

    /** @return e.g. {@code 2026-11-25T22:10:00Z load 3.1 2.9 2.5 (2 cpus)} */
    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS) + " load " + loadAverage() + " ("
                + Runtime.getRuntime().availableProcessors() + " cpus)";
    }

    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
