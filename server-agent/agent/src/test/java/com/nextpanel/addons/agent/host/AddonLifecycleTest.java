package com.nextpanel.addons.agent.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import com.nextpanel.addons.testsupport.fixtures.TestGates;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddonLifecycleTest {

    @TempDir
    Path tmp;
    HostServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HostServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void deactivationUnpublishesAtOnceButStopsOnlyAfterTheRequestInProgressEnds() throws Exception {
        String key = "lifecycle-" + System.nanoTime();
        List<String> events = TestGates.events(key);
        try (TestGates.Gate gate = TestGates.gate(key)) {
            AddonWrapper addon = server.activate(TestAddonBuilder.addon("slow").lifecycleLog(key)
                    .blockingRoute("/api/v1/slow/wait", key).buildDirectory(tmp));
            CompletableFuture<HttpTester.Response> slow = CompletableFuture.supplyAsync(() -> get("/api/v1/slow/wait"));
            gate.awaitEntered();

            CompletableFuture<Boolean> deactivation = CompletableFuture.supplyAsync(() -> server.host.deactivate("slow"));
            awaitState(addon, AddonState.STOPPING);

            assertThat(server.get("/api/v1/slow/wait").getStatus()).isEqualTo(404);
            assertThat(addon.inFlightRequests()).isEqualTo(1);
            assertThat(events).containsExactly("start", "request");

            gate.open();
            assertThat(slow.get(1, TimeUnit.MINUTES).getStatus()).isEqualTo(200);
            assertThat(deactivation.get(1, TimeUnit.MINUTES)).isTrue();
            assertThat(events).containsExactly("start", "request", "request done", "stop");
            assertThat(addon.state()).isEqualTo(AddonState.STOPPED);
        } finally {
            TestGates.clear(key);
        }
    }

    @Test
    void updatePreparesTheNewVersionFullyThenSwapsAllRoutesInOneStep() throws Exception {
        AddonWrapper v1 = server.activate(TestAddonBuilder.addon("chat").version("1.0.0")
                .echoRoute(HttpMethod.GET, "/api/v1/chat/a").echoRoute(HttpMethod.GET, "/api/v1/chat/b")
                .buildDirectory(tmp));
        BuiltAddon v2 = TestAddonBuilder.addon("chat").version("2.0.0")
                .echoRoute(HttpMethod.GET, "/api/v1/chat/a").echoRoute(HttpMethod.GET, "/api/v1/chat/c")
                .buildDirectory(tmp);

        AddonWrapper prepared = server.host.prepare(HostServer.request(v2));
        assertThat(prepared.state()).isEqualTo(AddonState.STARTED);
        assertThat(server.get("/api/v1/chat/a").getContent()).contains("\"version\":\"1.0.0\"");
        assertThat(server.get("/api/v1/chat/c").getStatus()).isEqualTo(404);

        server.host.publish(prepared);

        assertThat(server.get("/api/v1/chat/a").getContent()).contains("\"version\":\"2.0.0\"");
        assertThat(server.get("/api/v1/chat/b").getStatus()).isEqualTo(404);
        assertThat(server.get("/api/v1/chat/c").getStatus()).isEqualTo(200);
        assertThat(v1.state()).isEqualTo(AddonState.STOPPED);
        assertThat(server.host.active("chat")).containsSame(prepared);
        assertThat(server.host.routeTable().routesOf("chat")).extracting(Route::describe)
                .containsExactlyInAnyOrder("GET /api/v1/chat/a", "GET /api/v1/chat/c");
    }

    @Test
    void failedUpdateLeavesTheOldVersionServing() throws Exception {
        server.activate(TestAddonBuilder.addon("chat").version("1.0.0").echoRoute(HttpMethod.GET, "/api/v1/chat/a")
                .buildDirectory(tmp));
        BuiltAddon broken = TestAddonBuilder.addon("chat").version("2.0.0").throwsOnStart("bad config")
                .echoRoute(HttpMethod.GET, "/api/v1/chat/a").buildDirectory(tmp);

        assertThatThrownBy(() -> server.host.prepare(HostServer.request(broken)))
                .hasMessageContaining("bad config");

        assertThat(server.get("/api/v1/chat/a").getContent()).contains("\"version\":\"1.0.0\"");
        assertThat(server.host.active("chat")).get().extracting(AddonWrapper::version).isEqualTo("1.0.0");
    }

    @Test
    void discardedPreparedAddonIsStoppedAndNeverServed() throws Exception {
        String key = "discard-" + System.nanoTime();
        List<String> events = TestGates.events(key);
        try {
            AddonWrapper prepared = server.host.prepare(HostServer.request(TestAddonBuilder.addon("chat")
                    .lifecycleLog(key).echoRoute(HttpMethod.GET, "/api/v1/chat/a").buildDirectory(tmp)));
            server.host.discard(prepared);

            assertThat(prepared.state()).isEqualTo(AddonState.STOPPED);
            assertThat(events).containsExactly("start", "stop");
            assertThat(server.get("/api/v1/chat/a").getStatus()).isEqualTo(404);
            assertThat(server.host.routeTable().prefixOwners()).isEmpty();
        } finally {
            TestGates.clear(key);
        }
    }

    @Test
    void deactivatedAddonsClassLoaderIsGarbageCollected() throws Exception {
        WeakReference<ClassLoader> loader = activateServeAndDeactivate();

        awaitCollected(loader);

        assertThat(loader.get()).as("the uninstalled addon's classloader is still reachable").isNull();
    }

    @Test
    void failedAddonsClassLoaderIsGarbageCollectedWhileItsFailureIsKept() throws Exception {
        String key = "failing-" + System.nanoTime();
        TestGates.events(key);
        try {
            BuiltAddon failing = TestAddonBuilder.addon("failing").lifecycleLog(key).throwsOnStart("nope")
                    .buildDirectory(tmp);
            assertThatThrownBy(() -> server.host.activate(HostServer.request(failing))).hasMessageContaining("nope");
            WeakReference<ClassLoader> loader = TestGates.loaderOf(key).orElseThrow();

            awaitCollected(loader);

            assertThat(loader.get()).as("the failed addon's classloader is still reachable").isNull();
            assertThat(server.host.failed("failing")).get().extracting(w -> w.failure().orElseThrow().getMessage())
                    .isEqualTo("addon failing 1.0.0 failed to start: testaddons.failing.Entry$AddonFailure: nope");
        } finally {
            TestGates.clear(key);
        }
    }

    @Test
    void aStartThatHangsFailsTheActivationWhenTheStartTimeoutEndsAndPublishesNothing() throws Exception {
        try (HostServer bounded = new HostServer(HostSettings.defaults().withStartTimeout(Duration.ofSeconds(1)))) {
            BuiltAddon hanging = TestAddonBuilder.addon("sleepy").sleepsOnStart(Duration.ofMinutes(10))
                    .jsonRoute(HttpMethod.GET, "/api/v1/sleepy/hi", 200, "{}").buildDirectory(tmp);

            assertThatThrownBy(() -> bounded.activate(hanging)).isInstanceOfSatisfying(AgentException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
                assertThat(e.getMessage()).isEqualTo("addon sleepy 1.0.0 did not start within 1 s");
            });

            assertThat(bounded.host.active("sleepy")).isEmpty();
            assertThat(bounded.host.failed("sleepy")).get().satisfies(w -> {
                assertThat(w.state()).isEqualTo(AddonState.FAILED);
                assertThat(w.classLoader()).isEmpty();
                assertThat(w.failure().orElseThrow().getStackTrace()).extracting(StackTraceElement::getMethodName)
                        .as("the failure shows where start() hung").contains("sleep");
            });
            assertThat(bounded.get("/api/v1/sleepy/hi").getStatus()).isEqualTo(404);
            BuiltAddon fixed = TestAddonBuilder.addon("sleepy").version("1.0.1")
                    .jsonRoute(HttpMethod.GET, "/api/v1/sleepy/hi", 200, "{}").buildDirectory(tmp);
            assertThat(bounded.activate(fixed).state()).isEqualTo(AddonState.ACTIVE);
            assertThat(bounded.get("/api/v1/sleepy/hi").getStatus()).isEqualTo(200);
        }
    }

    private static void awaitCollected(WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
            byte[][] pressure = new byte[64][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[256 * 1024];
            }
            Thread.sleep(20);
        }
    }

    private WeakReference<ClassLoader> activateServeAndDeactivate() throws Exception {
        AddonWrapper addon = server.activate(TestAddonBuilder.addon("gone").echoRoute(HttpMethod.GET, "/api/v1/gone/x")
                .failingRoute(HttpMethod.GET, "/api/v1/gone/fail", "boom").buildDirectory(tmp));
        WeakReference<ClassLoader> loader = new WeakReference<>(addon.classLoader().orElseThrow());
        assertThat(server.get("/api/v1/gone/x").getStatus()).isEqualTo(200);
        assertThat(server.get("/api/v1/gone/fail").getStatus()).isEqualTo(500);
        server.host.deactivate("gone");
        assertThat(addon.classLoader()).isEmpty();
        return loader;
    }

    private HttpTester.Response get(String path) {
        try {
            return server.get(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitState(AddonWrapper addon, AddonState state) throws InterruptedException {
        for (int i = 0; i < 6000 && addon.state() != state; i++) {
            Thread.sleep(10);
        }
        assertThat(addon.state()).isEqualTo(state);
    }
}
