package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.h2.jdbcx.JdbcDataSource;

/** A real Jetty server with an in-memory connector, serving an {@link AddonHost}'s routes. */
final class HostServer implements AutoCloseable {

    final AddonHost host;
    private final Server server = new Server();
    private final LocalConnector connector = new LocalConnector(server);

    HostServer(HostSettings settings) throws Exception {
        host = new AddonHost(List.of("/api/v1/health", "/api/v1/customers", "/api/v1/invoices"), settings);
        server.addConnector(connector);
        server.setHandler(host.handler());
        server.start();
    }

    HostServer() throws Exception {
        this(HostSettings.defaults());
    }

    static ActivationRequest request(BuiltAddon addon) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:host-" + addon.id());
        return new ActivationRequest(addon.id(), addon.version(), addon.directory(), addon.entrypoint(),
                addon.routePrefixes(), addon.requiredAddons(), "addon_" + addon.id(), ds, Map.of());
    }

    AddonWrapper activate(BuiltAddon addon) {
        return host.activate(request(addon));
    }

    HttpTester.Response get(String path) throws Exception {
        return send("GET " + path + " HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n");
    }

    HttpTester.Response send(String method, String path, String headers, String body) throws Exception {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(method + " " + path + " HTTP/1.1\r\nHost: local\r\nConnection: close\r\n" + headers
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body);
    }

    HttpTester.Response send(String raw) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(raw, 2, TimeUnit.MINUTES));
    }

    @Override
    public void close() throws Exception {
        host.close();
        server.stop();
    }
}
