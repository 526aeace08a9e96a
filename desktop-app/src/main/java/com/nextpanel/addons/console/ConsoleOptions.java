package com.nextpanel.addons.console;

import com.nextpanel.addons.console.common.Theme;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The console's command line. {@code --server URL --token-file F --fingerprint-file F} open it already
 * connected (the README's local run: the files are the agent's {@code admin.token} and {@code tls.sha256},
 * so the certificate is pinned from a trusted file rather than asked for).
 */
public record ConsoleOptions(Optional<String> server, Optional<Path> tokenFile, Optional<Path> fingerprintFile,
                             String serverName, Optional<Path> configDir, Theme theme, Optional<String> catalog,
                             Optional<Path> trustRoot, boolean help, boolean version) {

    public static final String USAGE = String.join("\n",
            "Usage: java -jar desktop-app.jar [options]",
            "  --server URL              open connected to this agent (https://HOST:PORT)",
            "  --token-file FILE         its admin token (the agent's DATA_DIR/admin.token)",
            "  --fingerprint-file FILE   its certificate fingerprint (DATA_DIR/tls.sha256), pinned without asking",
            "  --name NAME               the profile name for --server (default: Local agent)",
            "  --catalog DIR_OR_URL      verify the signed catalog in the console itself (else: as the agent verified it)",
            "  --trust-root FILE         the catalog's trusted root.json (with --catalog)",
            "  --config-dir DIR          where profiles, tokens and logs live (default: ~/.config/nextpanel-addons)",
            "  --theme light|dark        the look (default: light)",
            "  --version                 print the version and exit",
            "  --help                    print this help and exit");

    /** @throws IllegalArgumentException with one clear line for a wrong option or value */
    public static ConsoleOptions parse(String... args) {
        Optional<String> server = Optional.empty();
        Optional<Path> token = Optional.empty();
        Optional<Path> fingerprint = Optional.empty();
        Optional<Path> config = Optional.empty();
        Optional<String> catalog = Optional.empty();
        Optional<Path> trustRoot = Optional.empty();
        String name = "Local agent";
        Theme theme = Theme.LIGHT;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--version", "-V" -> version = true;
                case "--server" -> {
                    value = value != null ? value : next(args, ++i, a);
                    if (!value.startsWith("https://")) {
                        throw new IllegalArgumentException("--server must be an https:// URL, got '" + value + "'");
                    }
                    server = Optional.of(value);
                }
                case "--token-file" -> token = Optional.of(Path.of(value != null ? value : next(args, ++i, a)));
                case "--fingerprint-file" -> fingerprint = Optional.of(Path.of(value != null ? value : next(args, ++i, a)));
                case "--config-dir" -> config = Optional.of(Path.of(value != null ? value : next(args, ++i, a)));
                case "--catalog" -> catalog = Optional.of(value != null ? value : next(args, ++i, a));
                case "--trust-root" -> trustRoot = Optional.of(Path.of(value != null ? value : next(args, ++i, a)));
                case "--name" -> name = value != null ? value : next(args, ++i, a);
                case "--theme" -> {
                    String t = value != null ? value : next(args, ++i, a);
                    theme = switch (t.toLowerCase(java.util.Locale.ROOT)) {
                        case "light" -> Theme.LIGHT;
                        case "dark" -> Theme.DARK;
                        default -> throw new IllegalArgumentException("--theme must be light or dark, got '" + t + "'");
                    };
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "' (see --help)");
            }
        }
        if (server.isEmpty() && (token.isPresent() || fingerprint.isPresent())) {
            throw new IllegalArgumentException("--token-file and --fingerprint-file need --server");
        }
        if (catalog.isPresent() != trustRoot.isPresent()) {
            throw new IllegalArgumentException("--catalog and --trust-root go together");
        }
        return new ConsoleOptions(server, token, fingerprint, name, config, theme, catalog, trustRoot, help, version);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
