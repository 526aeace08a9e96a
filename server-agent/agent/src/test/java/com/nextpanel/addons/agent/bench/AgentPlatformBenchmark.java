package com.nextpanel.addons.agent.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.testing.TestAgent;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench runner, not a test (skipped unless {@code -Dbench=true}): agent start-up (first start, restart) and
 * core-route throughput over HTTPS with bearer authentication, on H2 and PostgreSQL. Results go to the test's
 * output file; they are recorded in {@code src/docs/benchmarks.md}.
 */
@ExtendWith(PostgresExtension.class)
class AgentPlatformBenchmark {

    private static final int STARTS = 5;
    private static final int CLIENTS = 4;
    private static final int REQUESTS = 4000;

    @BeforeEach
    void onlyWhenAsked() {
        Assumptions.assumeTrue(Boolean.getBoolean("bench"), "bench runner: -Dbench=true");
    }

    @OnEachDatabase
    void startUpAndCoreRouteThroughput(DatabaseTarget db, @TempDir Path tmp) throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            Path dir = tmp.resolve("start-" + i);
            long t0 = System.nanoTime();
            TestAgent agent = TestAgent.start(dir, db);
            first.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            agent = agent.restart();
            restart.add((System.nanoTime() - t1) / 1e6);
            agent.close();
            if (db.isPostgres()) {
                break; // one database: a second first start would find the core already migrated
            }
        }
        System.out.printf("%s start-up: first start p50 %.0f ms (n=%d), restart p50 %.0f ms (n=%d)%n", db,
                p(first, 50), first.size(), p(restart, 50), restart.size());

        try (TestAgent agent = TestAgent.start(tmp.resolve("start-0"), db)) {
            for (int i = 0; i < 10; i++) {
                agent.post("/api/v1/customers", "{\"name\":\"C" + i + "\",\"email\":\"bench" + i + "@example.com\"}");
            }
            for (String path : List.of("/api/v1/health", "/api/v1/customers", "/agent/v1/addons")) {
                run(agent, path, REQUESTS / 4); // warm-up
                long t0 = System.nanoTime();
                List<Double> latencies = run(agent, path, REQUESTS);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%s GET %s: %d requests, %d clients: %.0f req/s, p50 %.2f ms, p99 %.2f ms%n",
                        db, path, REQUESTS, CLIENTS, REQUESTS / seconds, p(latencies, 50), p(latencies, 99));
            }
        }
    }

    private static List<Double> run(TestAgent agent, String path, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger left = new AtomicInteger(requests);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long t = System.nanoTime();
                    HttpResponse<String> r = agent.get(path);
                    latencies.add((System.nanoTime() - t) / 1e6);
                    assertThat(r.statusCode()).isEqualTo(200);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return latencies;
    }

    private static double p(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
