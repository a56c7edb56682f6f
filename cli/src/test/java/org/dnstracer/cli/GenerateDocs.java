package org.dnstracer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * A build step, not a test (run by exec:java at prepare-package): writes the man page ({@link ManPage}, roff) and
 * the bash completion script from the same programmatic command model the tool parses with and prints --help from.
 *
 * <p>Arguments: the directory for {@code dnstracer.1}, the completion script's path.
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    public static void main(String[] args) throws IOException {
        Path page = Path.of(args[0]).resolve("dnstracer.1");
        Files.createDirectories(page.getParent());
        Files.writeString(page, ManPage.render(), StandardCharsets.UTF_8);
        Path completion = Path.of(args[1]);
        Files.writeString(completion, completion(), StandardCharsets.UTF_8);
    }

    /** The bash completion script: option names, and the values of the options that take one of a few. */
    static String completion() {
        return AutoComplete.bash("dnstracer", new CommandLine(new TraceCommand().model()));
    }
}
