package com.nextpanel.addons.agent;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The server agent's command line: {@code server-agent serve --data-dir DIR --port N ...}. A wrong option
 * or a bad value prints one line to stderr and exits 2; a start that fails prints one line and exits 1.
 */
@Command(name = "server-agent", mixinStandardHelpOptions = true, version = "server-agent " + AgentMain.VERSION,
        description = "The NextPanel Addons agent: installs, updates and uninstalls addons on a billing server.",
        subcommands = {ServeCommand.class, TokenCommand.class})
public final class AgentMain implements Runnable {

    /** The agent's version. */
    public static final String VERSION = "0.1.0";
    static final int EXIT_USAGE = 2;
    static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /**
     * Runs the command line with the given streams (tests call this in-process for everything but
     * {@code serve}, which blocks).
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AgentMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine command = ex.getCommandLine();
            String name = command.getCommandSpec().qualifiedName();
            // An unknown option explains a missing one ("--dir" for "--data-dir"): name it first.
            String message = command.getUnmatchedArguments().isEmpty() ? ex.getMessage()
                    : "unknown option or argument: " + String.join(" ", command.getUnmatchedArguments());
            command.getErr().println(name + ": " + message + " (see '" + name + " --help')");
            command.getErr().flush();
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
            String message = ex instanceof AgentException ? ex.getMessage() : ex.toString();
            String what = command.getCommandName().equals("serve") ? "cannot start: " : "";
            command.getErr().println("server-agent: " + what + message);
            command.getErr().flush();
            return EXIT_FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: serve or token");
    }
}
