package com.nextpanel.addons.catalog.cli;

import com.nextpanel.addons.catalog.CatalogException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The addon-catalog command line: {@code keygen}, {@code pack}, {@code publish}, {@code verify}.
 * Exit codes: 0 all well, 1 a failed verification or operation (one line per problem), 2 a usage error.
 */
@Command(name = "addon-catalog", mixinStandardHelpOptions = true, version = "addon-catalog 0.1.0",
        description = "Builds, signs and verifies the NextPanel addon catalog (a TUF 1.0 repository).",
        subcommands = {KeygenCommand.class, PackCommand.class, PublishCommand.class, VerifyCommand.class})
public final class AddonCatalogCli implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final Clock clock;

    @Spec
    CommandSpec spec;

    AddonCatalogCli(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Clock.systemUTC()).execute(args));
    }

    /** A command line whose commands read time from {@code clock}; tests run it in-process with {@code execute}. */
    public static CommandLine commandLine(Clock clock) {
        CommandLine cl = new CommandLine(new AddonCatalogCli(clock));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof CatalogException ce) {
                err.println(ce.getMessage());
            } else {
                err.println(commandLine.getCommandName() + ": " + ex);
            }
            err.flush();
            return FAILED;
        });
        // usage errors: one clear line and the hint, exit 2
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return USAGE;
        });
        return cl;
    }
}
