package org.dnstracer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs the command with the project's error conventions: one line on stderr, exit 2 for user mistakes. */
public final class Cli {
    public static final int OK = 0;
    public static final int NO_AUTHORITATIVE_ANSWER = 1;
    public static final int USAGE = 2;
    /** A finding at or above the {@code --fail-on} severity. */
    public static final int FINDINGS = 4;

    private Cli() {}

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(new TraceCommand(), args, out, err);
    }

    static int run(TraceCommand command, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setPosixClusteredShortOptionsAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            out.flush();
            err.println("dnstracer: " + ex.getMessage());
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            out.flush();
            if (ex instanceof UsageException) {
                err.println("dnstracer: " + ex.getMessage());
                err.flush();
                return USAGE;
            }
            if (ex instanceof java.io.IOException io) {
                err.println("dnstracer: " + io.getMessage());
                err.flush();
                return NO_AUTHORITATIVE_ANSWER;
            }
            throw ex;
        });
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
