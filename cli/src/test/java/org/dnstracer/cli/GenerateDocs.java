package org.dnstracer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * A build step, not a test (run by exec:java at prepare-package): writes the man page source (AsciiDoc) and the
 * bash completion script from the same programmatic command model the tool parses with. picocli's own generators
 * take a class name and reflect over annotations, which the model no longer has.
 *
 * <p>Arguments: the directory for {@code dnstracer.adoc}, the completion script's path.
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    public static void main(String[] args) throws IOException {
        CommandSpec spec = new TraceCommand().model();
        CommandLine commandLine = new CommandLine(spec);
        Path adoc = Path.of(args[0]).resolve("dnstracer.adoc");
        Files.createDirectories(adoc.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(adoc, StandardCharsets.UTF_8))) {
            ManPageGenerator.writeSingleManPage(out, spec);
        }
        Path completion = Path.of(args[1]);
        Files.writeString(completion, AutoComplete.bash("dnstracer", commandLine), StandardCharsets.UTF_8);
    }
}
