package com.nextpanel.addons.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteSwapUnderLoadTest {

    @TempDir
    Path tmp;

    @Test
    void requestsDuringRepeatedUpdatesAndInstallsAlwaysSeeAWholeTable() throws Exception {
        try (HostServer server = new HostServer()) {
            BuiltAddon v1 = chat("1.0.0").buildDirectory(tmp);
            BuiltAddon v2 = chat("2.0.0").buildDirectory(tmp);
            BuiltAddon other = TestAddonBuilder.addon("other").jsonRoute(HttpMethod.GET, "/api/v1/other/x", 200, "{}")
                    .buildDirectory(tmp);
            server.activate(v1);

            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger requests = new AtomicInteger();
            List<String> wrong = new CopyOnWriteArrayList<>();
            Map<String, Boolean> versionsSeen = new ConcurrentHashMap<>();
            ExecutorService readers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> running = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    running.add(readers.submit(() -> {
                        while (!done.get()) {
                            HttpTester.Response a = server.get("/api/v1/chat/a");
                            HttpTester.Response b = server.get("/api/v1/chat/b");
                            requests.addAndGet(2);
                            for (HttpTester.Response r : List.of(a, b)) {
                                if (r.getStatus() != 200) {
                                    wrong.add(r.getStatus() + " " + r.getContent());
                                } else {
                                    versionsSeen.put(r.getContent().replaceAll(".*\"version\":\"([^\"]+)\".*", "$1"), true);
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (int i = 0; i < 20; i++) {
                    server.host.publish(server.host.prepare(HostServer.request(i % 2 == 0 ? v2 : v1)));
                    server.activate(other);
                    server.host.deactivate("other");
                }
                done.set(true);
                for (Future<?> f : running) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                done.set(true);
                readers.shutdownNow();
            }

            assertThat(wrong).as("failed requests out of %d", requests.get()).isEmpty();
            assertThat(requests.get()).isPositive();
            assertThat(versionsSeen.keySet()).isSubsetOf("1.0.0", "2.0.0").isNotEmpty();
        }
    }

    private static TestAddonBuilder chat(String version) {
        return TestAddonBuilder.addon("chat").version(version).echoRoute(HttpMethod.GET, "/api/v1/chat/a")
                .echoRoute(HttpMethod.GET, "/api/v1/chat/b");
    }
}
