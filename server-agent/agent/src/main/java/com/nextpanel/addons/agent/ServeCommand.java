package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.server.TlsIdentity;
import com.nextpanel.addons.agent.server.TokenStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: start the agent and serve HTTPS until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Serve the agent API and the billing core over HTTPS until stopped (SIGTERM).")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR",
            description = "Where the agent keeps its certificate, tokens, database file, addons and backups"
                    + " (created when missing).")
    private Path dataDir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8443",
            description = "HTTPS port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--catalog", paramLabel = "DIR_OR_URL",
            description = "The signed addon catalog: a directory or an https URL.")
    private String catalog;

    @Option(names = "--trust-root", paramLabel = "root.json",
            description = "The catalog's trusted root metadata (required with --catalog).")
    private Path trustRoot;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://localhost:5432/nextpanel"
                    + " (default: an H2 file inside the data dir).")
    private String dbUrl;

    @Option(names = "--db-user", paramLabel = "U", description = "Database user (required with --db-url).")
    private String dbUser;

    @Option(names = "--db-password", paramLabel = "P", description = "Database password (default: none).")
    private String dbPassword;

    @Option(names = "--addon-start-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long an addon's start may take before its install, update or enable fails and is"
                    + " rolled back (default: ${DEFAULT-VALUE}).")
    private int addonStartTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig config = validate();
        PrintWriter out = spec.commandLine().getOut();
        Agent agent = Agent.start(config);
        Path dir = config.dataDir();
        out.println("TLS certificate SHA-256 fingerprint: " + agent.tls().fingerprint()
                + " (in " + dir.resolve(TlsIdentity.FINGERPRINT) + ")");
        out.println(agent.tokens().adminCreated()
                ? "admin token written to " + dir.resolve(TokenStore.ADMIN_TOKEN) + " (mode 600)"
                : "admin token: as made on first start, in " + dir.resolve(TokenStore.ADMIN_TOKEN));
        out.println("database: " + agent.database().dialect());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            out.println("stopped");
            out.flush();
            // Everything is closed: a clean stop on SIGTERM exits 0 (not the JVM's 143), as service managers expect.
            Runtime.getRuntime().halt(0);
        }, "agent-shutdown"));
        out.println("listening on " + agent.url());
        out.flush();
        agent.awaitStop();
        return 0;
    }

    private AgentConfig validate() {
        if (port < 0 || port > 65535) {
            throw usage("--port must be 0 to 65535: " + port);
        }
        if (bind.isBlank()) {
            throw usage("--bind must name an address");
        }
        if ((catalog == null) != (trustRoot == null)) {
            throw usage(catalog == null ? "--trust-root needs --catalog" : "--catalog needs --trust-root");
        }
        if (trustRoot != null && !Files.isRegularFile(trustRoot)) {
            throw usage("--trust-root is not a file: " + trustRoot);
        }
        Optional<DatabaseConfig> database = Optional.empty();
        if (dbUrl != null) {
            if (dbUser == null || dbUser.isBlank()) {
                throw usage("--db-url needs --db-user");
            }
            try {
                database = Optional.of(new DatabaseConfig(dbUrl, dbUser, dbPassword == null ? "" : dbPassword));
            } catch (IllegalArgumentException e) {
                throw usage("--db-url: " + e.getMessage());
            }
        } else if (dbUser != null || dbPassword != null) {
            throw usage("--db-user and --db-password need --db-url");
        }
        if (addonStartTimeoutSeconds <= 0) {
            throw usage("--addon-start-timeout must be a positive number of seconds: " + addonStartTimeoutSeconds);
        }
        return new AgentConfig(dataDir, bind, port, database, Optional.ofNullable(catalog),
                Optional.ofNullable(trustRoot).map(p -> p.toAbsolutePath().normalize()),
                java.time.Duration.ofSeconds(addonStartTimeoutSeconds));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
