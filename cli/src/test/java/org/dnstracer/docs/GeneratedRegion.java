package org.dnstracer.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a page under docs/ that a test generates from the source (the finding codes, the options), between
 * {@code <!-- NAME: generated ... -->} and {@code <!-- end of NAME -->}, so that the page and the code cannot
 * drift: {@link #check} fails when they differ, and with {@code -Dreadme.update=true} rewrites the part first
 * (review the diff). The rest of the page is written by hand.
 */
public final class GeneratedRegion {
    /** The repository's docs/ directory, as seen from the module's directory where the tests run. */
    public static final Path DOCS = Path.of("..", "docs");

    private GeneratedRegion() {}

    /** Checks (or, with -Dreadme.update=true, first rewrites) the region NAME of PAGE against EXPECTED. */
    public static void check(Path page, String name, String expected) {
        try {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            String startPrefix = "<!-- " + name + ": generated";
            String end = "<!-- end of " + name + " -->";
            int start = text.indexOf(startPrefix);
            assertThat(start).as("%s: marker %s...", page, startPrefix).isNotNegative();
            int from = text.indexOf('\n', start) + 1;
            int to = text.indexOf(end, from);
            assertThat(to).as("%s: marker %s after %s", page, end, startPrefix).isGreaterThanOrEqualTo(from);
            if (Boolean.getBoolean("readme.update")) {
                text = text.substring(0, from) + expected + text.substring(to);
                Files.writeString(page, text, StandardCharsets.UTF_8);
                to = from + expected.length();
            }
            assertThat(text.substring(from, to))
                    .as("%s, region %s (run with -Dreadme.update=true to regenerate it)", page, name)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
