package com.nextpanel.addons.console;

import com.nextpanel.addons.console.common.Theme;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The console's command line, read with picocli like the catalog CLI and the agent.
 * {@code --server URL --token-file F --fingerprint-file F} open it already connected (the README's local
 * run: the files are the agent's {@code admin.token} and {@code tls.sha256}, so the certificate is pinned
 * from a trusted file rather than asked for).
 */
public record ConsoleOptions(Optional<String> server, Optional<Path> tokenFile, Optional<Path> fingerprintFile,
                             String serverName, Optional<Path> configDir, Theme theme, Optional<String> catalog,
                             Optional<Path> trustRoot, boolean help, boolean version) {

    /** @throws IllegalArgumentException with picocli's one clear line for a wrong option or value */
    public static ConsoleOptions parse(String... args) {
        CommandLine commandLine = commandLine();
        try {
            commandLine.parseArgs(args);
            return ((Spec) commandLine.getCommand()).toOptions(commandLine);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The usage text {@code --help} prints. */
    public static String usage() {
        return commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Spec()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Command(name = "desktop-app", mixinStandardHelpOptions = true, sortOptions = false,
            versionProvider = Spec.VersionProvider.class,
            description = "The NextPanel Addons console: servers, marketplace, installed addons, jobs, backups.",
            footer = {"", "Example (what run-local.sh does):",
                "  java -jar desktop-app.jar --server https://127.0.0.1:8443 \\",
                "      --token-file DATA/admin.token --fingerprint-file DATA/tls.sha256 \\",
                "      --catalog CATALOG --trust-root CATALOG/root.json"})
    static final class Spec {

        @Option(names = "--server", paramLabel = "URL", description = "open connected to this agent (https://HOST:PORT)")
        String server;

        @Option(names = "--token-file", paramLabel = "FILE", description = "its admin token (the agent's DATA_DIR/admin.token)")
        Path tokenFile;

        @Option(names = "--fingerprint-file", paramLabel = "FILE",
                description = "its certificate fingerprint (DATA_DIR/tls.sha256), pinned without asking")
        Path fingerprintFile;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "Local agent",
                description = "the profile name for --server (default: ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--catalog", paramLabel = "DIR_OR_URL",
                description = "verify the signed catalog in the console itself (else: as the agent verified it)")
        String catalog;

        @Option(names = "--trust-root", paramLabel = "FILE", description = "the catalog's trusted root.json (with --catalog)")
        Path trustRoot;

        @Option(names = "--config-dir", paramLabel = "DIR",
                description = "where profiles, tokens and logs live (default: ~/.config/nextpanel-addons)")
        Path configDir;

        @Option(names = "--theme", paramLabel = "light|dark", defaultValue = "light",
                description = "the look (default: ${DEFAULT-VALUE})")
        Theme theme;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
        boolean help;

        @Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version and exit")
        boolean version;

        /** The checks that span options, in the same one-line form as picocli's own. */
        ConsoleOptions toOptions(CommandLine commandLine) {
            if (server != null && !server.toLowerCase(Locale.ROOT).startsWith("https://")) {
                throw new ParameterException(commandLine, "--server must be an https:// URL, got '" + server + "'");
            }
            if (server == null && (tokenFile != null || fingerprintFile != null)) {
                throw new ParameterException(commandLine, "--token-file and --fingerprint-file need --server");
            }
            if ((catalog == null) != (trustRoot == null)) {
                throw new ParameterException(commandLine, "--catalog and --trust-root go together");
            }
            return new ConsoleOptions(Optional.ofNullable(server), Optional.ofNullable(tokenFile),
                    Optional.ofNullable(fingerprintFile), name, Optional.ofNullable(configDir), theme,
                    Optional.ofNullable(catalog), Optional.ofNullable(trustRoot), help, version);
        }

        static final class VersionProvider implements CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                return new String[] {"nextpanel-console " + ConsoleMain.version()};
            }
        }
    }
}
