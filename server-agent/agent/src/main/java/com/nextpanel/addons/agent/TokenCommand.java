package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.server.Role;
import com.nextpanel.addons.agent.server.TokenStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code token}: makes another bearer token for an agent's data dir and prints it once (only its hash is kept).
 * A running agent accepts it at once.
 */
@Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Make another API token (printed once; only its hash is kept). A running agent accepts it at once.")
final class TokenCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "The agent's data dir.")
    private Path dataDir;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "A name for the token (who or what uses it), unique in the data dir.")
    private String name;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "VIEWER", converter = RoleConverter.class,
            description = "admin (everything) or viewer (read only) (default: viewer).")
    private Role role;

    @Override
    public Integer call() throws IOException {
        String token = TokenStore.load(dataDir.toAbsolutePath().normalize()).add(name, role);
        spec.commandLine().getOut().println(token);
        return 0;
    }

    /** Accepts the role in any case. */
    static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a role: admin or viewer");
            }
        }
    }
}
