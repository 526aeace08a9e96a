package com.nextpanel.addons.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK's {@code jcmd} on the agent process: a full GC, then the heap in use and the class counters. */
final class Jcmd {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern HISTOGRAM_ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private Jcmd() {
    }

    /** A snapshot after a full GC. */
    record Heap(long usedKb, long loadedClasses, long unloadedClasses) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "heap used after full GC %.1f MB, classes loaded %d, unloaded %d (live %d)",
                    usedKb / 1024.0, loadedClasses, unloadedClasses, loadedClasses - unloadedClasses);
        }
    }

    static Heap afterFullGc(long pid) throws IOException, InterruptedException {
        run(pid, "GC.run");
        run(pid, "GC.run");
        Matcher m = USED.matcher(run(pid, "GC.heap_info"));
        long used = m.find() ? Long.parseLong(m.group(1)) : -1;
        String counters = run(pid, "PerfCounter.print");
        return new Heap(used, counter(counters, "java.cls.loadedClasses"), counter(counters, "java.cls.unloadedClasses"));
    }

    /** Live objects per class after a full GC ({@code GC.class_histogram}): class name to {instances, bytes}. */
    static java.util.Map<String, long[]> histogram(long pid) throws IOException, InterruptedException {
        java.util.Map<String, long[]> byClass = new java.util.HashMap<>();
        Matcher m = HISTOGRAM_ROW.matcher(run(pid, "GC.class_histogram"));
        while (m.find()) {
            byClass.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        }
        return byClass;
    }

    /** The classes whose live bytes grew most between two histograms, one line each. */
    static List<String> growth(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after, int top) {
        return after.entrySet().stream()
                .map(e -> {
                    long[] b = before.getOrDefault(e.getKey(), new long[2]);
                    return new Object[] {e.getKey(), e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
                })
                .filter(r -> (long) r[2] > 0)
                .sorted((x, y) -> Long.compare((long) y[2], (long) x[2]))
                .limit(top)
                .map(r -> String.format(java.util.Locale.ROOT, "%+,10d B %+,8d  %s", r[2], r[1], r[0]))
                .toList();
    }

    private static long counter(String text, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "=(\\d+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static String run(long pid, String command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
