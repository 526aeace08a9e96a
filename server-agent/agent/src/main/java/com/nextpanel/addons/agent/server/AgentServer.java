package com.nextpanel.addons.agent.server;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The agent's HTTPS server: Jetty 12 with TLS 1.2 and 1.3 only, the {@link AuthHandler} in front of the
 * routes, errors as JSON, and a graceful stop that lets in-flight requests finish.
 *
 * <pre>
 * Server → GracefulHandler → AuthHandler → routes (core and agent API, then addon routes)
 * </pre>
 */
public final class AgentServer implements AutoCloseable {

    /** How long a stop waits for in-flight requests. */
    public static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    private AgentServer(Server server, ServerConnector connector, String host) {
        this.server = server;
        this.connector = connector;
        this.host = host;
    }

    /**
     * Starts serving.
     *
     * @param host   the address to bind, e.g. {@code 127.0.0.1}
     * @param port   the port, 0 for any free one
     * @param routes the routes behind authentication; a request no route takes answers 404
     * @throws AgentException {@link ErrorCode#INTERNAL} naming host and port when it cannot listen
     */
    public static AgentServer start(String host, int port, TlsIdentity tls, TokenStore tokens, Handler routes) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("agent-http");
        Server server = new Server(threads);

        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(tls.keyStore());
        ssl.setKeyStorePassword(tls.password());
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setSniRequired(false);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Clients pin the certificate by fingerprint, so a host name that differs from the certificate's is fine.
        secure.setSniHostCheck(false);
        secure.setSniRequired(false);
        http.addCustomizer(secure);

        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new GracefulHandler(new AuthHandler(tokens, routes)));
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            String reason = e instanceof IOException && e.getCause() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new AgentException(ErrorCode.INTERNAL, "cannot listen on " + host + ":" + port + ": " + reason, e);
        }
        return new AgentServer(server, connector, host);
    }

    /** @return the port it listens on (the real one when started with 0) */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return the bound address as given */
    public String host() {
        return host;
    }

    /** @return {@code https://HOST:PORT}, with IPv6 literals in brackets */
    public String baseUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "https://" + h + ":" + port();
    }

    /** @return an address a local client can reach, for a server bound to every interface */
    public String localUrl() {
        boolean any = host.equals("0.0.0.0") || host.equals("::");
        return any ? "https://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port() : baseUrl();
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** Stops accepting, waits up to {@link #STOP_TIMEOUT_MILLIS} for in-flight requests, then stops. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(AgentServer.class).warn("stopping the HTTPS server failed", e);
        }
    }
}
