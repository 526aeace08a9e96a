package com.nextpanel.addons.agent.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddonHostTest {

    @TempDir
    Path tmp;
    HostServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HostServer(new HostSettings(Duration.ofSeconds(30), 64));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void activatedAddonAnswersWithPathParamsQueryHeaderAndBody() throws Exception {
        server.activate(TestAddonBuilder.addon("greeter")
                .echoRoute(HttpMethod.POST, "/api/v1/greeter/hello/{name}/{mood}").buildDirectory(tmp));

        HttpTester.Response response = server.send("POST", "/api/v1/greeter/hello/ada%20l/happy?q=x%26y",
                "X-Test: yes\r\n", "hi there");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.get("Content-Type")).isEqualTo("application/json");
        assertThat(response.getContent()).isEqualTo("{\"addon\":\"greeter\",\"version\":\"1.0.0\",\"method\":\"POST\","
                + "\"path\":\"/api/v1/greeter/hello/ada l/happy\",\"params\":{\"name\":\"ada l\",\"mood\":\"happy\"},"
                + "\"q\":\"x&y\",\"header\":\"yes\",\"body\":\"hi there\"}");
    }

    @Test
    void literalRouteWinsOverParameterRouteWhateverTheRegistrationOrder() throws Exception {
        server.activate(TestAddonBuilder.addon("greeter")
                .jsonRoute(HttpMethod.GET, "/api/v1/greeter/{id}", 200, "{\"which\":\"param\"}")
                .jsonRoute(HttpMethod.GET, "/api/v1/greeter/latest", 200, "{\"which\":\"literal\"}")
                .buildDirectory(tmp));

        assertThat(server.get("/api/v1/greeter/latest").getContent()).isEqualTo("{\"which\":\"literal\"}");
        assertThat(server.get("/api/v1/greeter/7").getContent()).isEqualTo("{\"which\":\"param\"}");
    }

    @Test
    void unmatchedPathUnderApiAnswers404JsonAndWrongMethodAnswers405() throws Exception {
        server.activate(TestAddonBuilder.addon("greeter")
                .jsonRoute(HttpMethod.GET, "/api/v1/greeter/hi", 200, "{}").buildDirectory(tmp));

        HttpTester.Response notFound = server.get("/api/v1/nothing/here");
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getContent())
                .isEqualTo("{\"error\":\"not_found\",\"message\":\"no route for GET /api/v1/nothing/here\"}");
        HttpTester.Response wrongMethod = server.send("DELETE", "/api/v1/greeter/hi", "", "");
        assertThat(wrongMethod.getStatus()).isEqualTo(405);
        assertThat(wrongMethod.getContent()).contains("\"error\":\"method_not_allowed\"");
    }

    @Test
    void everyRefusalOfTheHostIsWrittenByTheAgentsOneErrorWriter() throws Exception {
        server.activate(TestAddonBuilder.addon("greeter")
                .jsonRoute(HttpMethod.GET, "/api/v1/greeter/hi", 200, "{}")
                .echoRoute(HttpMethod.POST, "/api/v1/greeter/echo")
                .failingRoute(HttpMethod.GET, "/api/v1/greeter/broken", "secret detail").buildDirectory(tmp));

        List<HttpTester.Response> refusals = List.of(server.get("/api/v1/nothing/here"),
                server.send("DELETE", "/api/v1/greeter/hi", "", ""),
                server.send("PATCH", "/api/v1/greeter/hi", "", ""),
                server.send("POST", "/api/v1/greeter/echo", "", "x".repeat(65)),
                server.get("/api/v1/greeter/broken"));

        assertThat(refusals).extracting(HttpTester.Response::getStatus).containsExactly(404, 405, 405, 413, 500);
        assertThat(refusals).allSatisfy(r -> {
            assertThat(r.get("Content-Type")).isEqualTo("application/json;charset=utf-8");
            assertThat(r.get("Cache-Control")).isEqualTo("no-store");
            assertThat(r.getContent()).startsWith("{\"error\":\"").contains("\"message\":\"");
        });
        assertThat(server.get("/api/v1/greeter/hi").get("Cache-Control")).isNull();
    }

    @Test
    void requestsOutsideTheApiAreLeftToOtherHandlers() throws Exception {
        assertThat(server.get("/agent/v1/health").getStatus()).isEqualTo(404);
        assertThat(server.get("/agent/v1/health").getContent()).doesNotContain("no route");
    }

    @Test
    void handlerThatThrowsAnswers500NamingTheAddonAndTheServerKeepsServing() throws Exception {
        server.activate(TestAddonBuilder.addon("greeter")
                .failingRoute(HttpMethod.GET, "/api/v1/greeter/broken", "secret detail")
                .jsonRoute(HttpMethod.GET, "/api/v1/greeter/fine", 200, "{\"ok\":true}").buildDirectory(tmp));

        HttpTester.Response broken = server.get("/api/v1/greeter/broken");
        assertThat(broken.getStatus()).isEqualTo(500);
        assertThat(broken.getContent()).isEqualTo("{\"error\":\"internal\",\"message\":"
                + "\"addon greeter failed to answer GET /api/v1/greeter/broken\"}");
        assertThat(server.get("/api/v1/greeter/fine").getStatus()).isEqualTo(200);
    }

    @Test
    void bodyThatJsonBodyCannotReadAnswers400() throws Exception {
        server.activate(TestAddonBuilder.addon("greeter").jsonBodyRoute(HttpMethod.POST, "/api/v1/greeter/json")
                .buildDirectory(tmp));

        HttpTester.Response bad = server.send("POST", "/api/v1/greeter/json", "", "[1,2");
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContent()).startsWith("{\"error\":\"bad_request\",\"message\":\"the request body is not a JSON object");
        HttpTester.Response good = server.send("POST", "/api/v1/greeter/json", "", "{\"a\":1,\"b\":2}");
        assertThat(good.getContent()).isEqualTo("{\"keys\":2}");
    }

    @Test
    void addonCallsTheRoutesOfAnAddonItRequiresButOfNoOther() throws Exception {
        server.activate(TestAddonBuilder.addon("hub").echoRoute(HttpMethod.POST, "/api/v1/hub/render/{id}")
                .buildDirectory(tmp));
        server.activate(TestAddonBuilder.addon("sms").requires("hub", "^1.0.0")
                .dependencyRoute(HttpMethod.POST, "/api/v1/sms/send", HttpMethod.POST, "/api/v1/hub/render/7?q=a%20b")
                .dependencyRoute(HttpMethod.GET, "/api/v1/sms/missing", HttpMethod.GET, "/api/v1/hub/nothing")
                .buildDirectory(tmp));
        server.activate(TestAddonBuilder.addon("rogue")
                .dependencyRoute(HttpMethod.POST, "/api/v1/rogue/send", HttpMethod.POST, "/api/v1/hub/render/7")
                .buildDirectory(tmp));

        HttpTester.Response relayed = server.send("POST", "/api/v1/sms/send", "", "hello");
        assertThat(relayed.getStatus()).isEqualTo(200);
        assertThat(relayed.getContent()).isEqualTo("{\"addon\":\"hub\",\"version\":\"1.0.0\",\"method\":\"POST\","
                + "\"path\":\"/api/v1/hub/render/7\",\"params\":{\"id\":\"7\"},\"q\":\"a b\",\"header\":null,"
                + "\"body\":\"hello\"}");
        assertThat(server.get("/api/v1/sms/missing").getStatus()).isEqualTo(404);
        assertThat(server.send("POST", "/api/v1/rogue/send", "", "x").getStatus()).isEqualTo(500);
    }

    @Test
    void bodyOverTheCapAnswers413WithoutCallingTheAddon() throws Exception {
        server.activate(TestAddonBuilder.addon("greeter").echoRoute(HttpMethod.POST, "/api/v1/greeter/echo")
                .buildDirectory(tmp));

        HttpTester.Response tooLarge = server.send("POST", "/api/v1/greeter/echo", "", "x".repeat(65));
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(tooLarge.getContent()).contains("\"error\":\"payload_too_large\"");
        assertThat(server.send("POST", "/api/v1/greeter/echo", "", "x".repeat(64)).getStatus()).isEqualTo(200);
    }

    @Test
    void routeOutsideTheDeclaredPrefixesFailsActivationAndPublishesNothing() {
        BuiltAddon addon = TestAddonBuilder.addon("greeter")
                .jsonRoute(HttpMethod.GET, "/api/v1/greeter/ok", 200, "{}")
                .jsonRoute(HttpMethod.GET, "/api/v1/elsewhere", 200, "{}").buildDirectory(tmp);

        assertThatThrownBy(() -> server.activate(addon)).isInstanceOf(AgentException.class)
                .hasMessageContaining("route /api/v1/elsewhere lies outside its declared prefixes [/api/v1/greeter]");
        assertThat(server.host.routeTable().routes()).isEmpty();
        assertThat(server.host.active()).isEmpty();
        assertThat(server.host.failed("greeter")).get().extracting(AddonWrapper::state).isEqualTo(AddonState.FAILED);
    }

    @Test
    void addonThatThrowsOnStopIsUnloadedAnyway() throws Exception {
        AddonWrapper addon = server.activate(TestAddonBuilder.addon("stubborn").throwsOnStop("still busy")
                .jsonRoute(HttpMethod.GET, "/api/v1/stubborn/x", 200, "{}").buildDirectory(tmp));

        assertThat(server.host.deactivate("stubborn")).isTrue();

        assertThat(addon.state()).isEqualTo(AddonState.STOPPED);
        assertThat(addon.classLoader()).isEmpty();
        assertThat(server.get("/api/v1/stubborn/x").getStatus()).isEqualTo(404);
    }

    @Test
    void addonThatThrowsOnStartIsRecordedAsFailedWithItsExceptionAndNothingIsPublished() throws Exception {
        server.activate(TestAddonBuilder.addon("healthy").jsonRoute(HttpMethod.GET, "/api/v1/healthy/x", 200, "{}")
                .buildDirectory(tmp));
        BuiltAddon addon = TestAddonBuilder.addon("broken").throwsOnStart("no license key")
                .jsonRoute(HttpMethod.GET, "/api/v1/broken/x", 200, "{}").buildDirectory(tmp);

        assertThatThrownBy(() -> server.activate(addon)).isInstanceOf(AgentException.class)
                .hasMessage("addon broken 1.0.0 failed to start: testaddons.broken.Entry$AddonFailure: no license key")
                .extracting(e -> ((AgentException) e).code()).isEqualTo(ErrorCode.INTERNAL);

        AddonWrapper failed = server.host.failed("broken").orElseThrow();
        assertThat(failed.state()).isEqualTo(AddonState.FAILED);
        assertThat(failed.failure()).get().extracting(AddonFailure::originalType)
                .isEqualTo("testaddons.broken.Entry$AddonFailure");
        assertThat(failed.classLoader()).isEmpty();
        assertThat(server.get("/api/v1/broken/x").getStatus()).isEqualTo(404);
        assertThat(server.get("/api/v1/healthy/x").getStatus()).isEqualTo(200);
    }

    @Test
    void unhealthyAddonIsStoppedAndNotPublished() throws Exception {
        BuiltAddon addon = TestAddonBuilder.addon("sick").unhealthy("database unreachable")
                .jsonRoute(HttpMethod.GET, "/api/v1/sick/x", 200, "{}").buildDirectory(tmp);

        assertThatThrownBy(() -> server.activate(addon))
                .hasMessage("addon sick 1.0.0 is unhealthy after start: database unreachable");
        assertThat(server.get("/api/v1/sick/x").getStatus()).isEqualTo(404);
    }

    @Test
    void packageWithoutJarsOrWithAWrongEntrypointIsRefusedAsBadRequest() {
        BuiltAddon addon = TestAddonBuilder.addon("greeter").buildDirectory(tmp);
        ActivationRequest good = HostServer.request(addon);
        ActivationRequest wrongEntry = new ActivationRequest(good.id(), good.version(), good.stagedDir(),
                "testaddons.greeter.Missing", good.routePrefixes(), List.of(), good.schema(), good.dataSource(), Map.of());
        ActivationRequest noJars = new ActivationRequest(good.id(), good.version(), tmp.resolve("empty"),
                good.entrypoint(), good.routePrefixes(), List.of(), good.schema(), good.dataSource(), Map.of());

        assertThatThrownBy(() -> server.host.activate(wrongEntry)).hasMessageContaining(
                "entrypoint testaddons.greeter.Missing cannot be loaded")
                .extracting(e -> ((AgentException) e).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThatThrownBy(() -> server.host.activate(noJars)).hasMessageContaining("has no jar in")
                .extracting(e -> ((AgentException) e).code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void prefixTakenByTheCoreOrAnotherAddonIsRefusedNamingPrefixAndOwner() {
        server.activate(TestAddonBuilder.addon("chat").buildDirectory(tmp));

        BuiltAddon clash = TestAddonBuilder.addon("chat2").routePrefix("/api/v1/chat/rooms").buildDirectory(tmp);
        assertThatThrownBy(() -> server.activate(clash)).isInstanceOf(AgentException.class)
                .hasMessage("route prefix /api/v1/chat/rooms of addon chat2 is already taken by addon chat (/api/v1/chat)")
                .extracting(e -> ((AgentException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        BuiltAddon core = TestAddonBuilder.addon("crm").routePrefix("/api/v1/customers").buildDirectory(tmp);
        assertThatThrownBy(() -> server.activate(core))
                .hasMessage("route prefix /api/v1/customers of addon crm is already taken by the core (/api/v1/customers)");
        assertThatThrownBy(() -> server.host.checkPrefixesFree("x", List.of("/api/v1/")))
                .hasMessageContaining("malformed route prefix '/api/v1/'");
        assertThat(server.host.routeTable().prefixOwners()).containsOnlyKeys("/api/v1/chat");
    }

    @Test
    void deactivatedAddonsRoutesAnswer404() throws Exception {
        server.activate(TestAddonBuilder.addon("greeter")
                .jsonRoute(HttpMethod.GET, "/api/v1/greeter/hi", 200, "{}").buildDirectory(tmp));
        assertThat(server.get("/api/v1/greeter/hi").getStatus()).isEqualTo(200);

        assertThat(server.host.deactivate("greeter")).isTrue();

        assertThat(server.get("/api/v1/greeter/hi").getStatus()).isEqualTo(404);
        assertThat(server.host.deactivate("greeter")).isFalse();
        assertThat(server.host.routeTable().prefixOwners()).isEmpty();
    }

}
