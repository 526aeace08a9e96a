package com.nextpanel.addons.catalog.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import picocli.CommandLine;

/** One in-process run of the CLI with its exit code and output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Clock clock, String... args) {
        CommandLine cl = AddonCatalogCli.commandLine(clock);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(Clock.systemUTC(), args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nout: " + out + "\nerr: " + err;
    }
}
