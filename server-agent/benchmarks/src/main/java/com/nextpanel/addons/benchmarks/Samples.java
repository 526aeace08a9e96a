package com.nextpanel.addons.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Durations in nanoseconds, summarised as percentiles in milliseconds (nearest rank). */
public final class Samples {

    private final List<Long> nanos = new ArrayList<>();

    public synchronized void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    public synchronized int count() {
        return nanos.size();
    }

    /** @param p 0 to 100; nearest-rank percentile, in milliseconds; NaN when empty */
    public synchronized double percentileMs(double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    public double p50() {
        return percentileMs(50);
    }

    public double p95() {
        return percentileMs(95);
    }

    public double p99() {
        return percentileMs(99);
    }

    public double maxMs() {
        return percentileMs(100);
    }

    /** @return {@code n=.. p50=.. p95=.. max=..} in ms */
    public String summary() {
        return String.format(Locale.ROOT, "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms", count(), p50(), p95(), maxMs());
    }
}
