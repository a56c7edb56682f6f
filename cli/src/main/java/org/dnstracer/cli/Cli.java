package org.dnstracer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Runs the command with the project's error conventions: one line on stderr and never a stack trace; exit 2 for
 * a mistake of the user, 3 for an I/O or internal error.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int NO_AUTHORITATIVE_ANSWER = 1;
    public static final int USAGE = 2;
    public static final int ERROR = 3;

    /** A finding at or above the {@code --fail-on} severity. */
    public static final int FINDINGS = 4;

    private Cli() {}

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // --version alone, without building the command model at all; the text is the one picocli prints
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println(Version.line());
            out.flush();
            return OK;
        }
        return run(new TraceCommand(), args, out, err);
    }

    /** @param command a picocli command object; the tests pass their own to reach the error paths */
    static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
        int status;
        try {
            CommandLine cl = command instanceof TraceCommand trace ? new CommandLine(trace.model())
                    : new CommandLine(command);
            cl.setOut(out);
            cl.setErr(err);
            cl.setPosixClusteredShortOptionsAllowed(true);
            // @SERVER is dig's start server, never picocli's argument file (a file named 192.0.2.53 would be read)
            cl.setExpandAtFiles(false);
            cl.setParameterExceptionHandler((ex, a) -> fail(USAGE, parameterMessage(ex), out, err));
            cl.setExecutionExceptionHandler((ex, c, parsed) -> failure(ex, out, err));
            status = cl.execute(args);
        } catch (RuntimeException | Error e) {
            // thrown outside execution, e.g. while picocli builds the command model: still one line
            status = failure(e, out, err);
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * picocli's own messages, without the "Error: " some of them start with (we already say "dnstracer: "), and
     * in words for an option of an exclusive group given twice, where picocli prints its group objects.
     */
    private static String parameterMessage(CommandLine.ParameterException ex) {
        String message = ex.getMessage() == null ? "invalid command line" : ex.getMessage();
        if (message.startsWith("Error: ")) {
            message = message.substring("Error: ".length());
        }
        // picocli 4.7: "expected only one match but got [-4 | -6]={--ipv4} and [-4 | -6]={--ipv4}"
        Matcher twice = Pattern.compile("expected only one match but got (\\[[^]]*])=").matcher(message);
        if (ex instanceof CommandLine.MaxValuesExceededException && twice.lookingAt()) {
            return "only one of " + twice.group(1) + " may be given, once";
        }
        return message;
    }

    private static int failure(Throwable ex, PrintWriter out, PrintWriter err) {
        if (ex instanceof UsageException) {
            return fail(USAGE, ex.getMessage(), out, err);
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            return fail(ERROR, describe(ex instanceof UncheckedIOException u ? u.getCause() : ex), out, err);
        }
        return fail(ERROR, "internal error: " + describe(ex), out, err);
    }

    /**
     * The message alone when there is one (an I/O message names the file or address), else the type; a wrapper
     * without a message of its own (ExceptionInInitializerError) names its cause.
     */
    private static String describe(Throwable ex) {
        if (ex instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            // NoSuchFileException and its kin carry the path alone as their message: say why as well
            String why = fs instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : fs instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : fs instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName();
            return "cannot use " + fs.getFile() + (fs.getOtherFile() != null ? " or " + fs.getOtherFile() : "") + ": "
                    + why;
        }
        String message = ex.getMessage();
        if (ex instanceof IOException && message != null && !message.isBlank()) {
            return message;
        }
        String type = ex.getClass().getName();
        if (message == null || message.isBlank()) {
            return ex.getCause() == null || ex.getCause() == ex ? type : type + " (" + describe(ex.getCause()) + ")";
        }
        return type + ": " + message;
    }

    private static int fail(int status, String message, PrintWriter out, PrintWriter err) {
        out.flush();
        err.println("dnstracer: " + oneLine(message));
        err.flush();
        return status;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
