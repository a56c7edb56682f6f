package org.dnstracer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays flat whatever the number of names: 20,000 names in a JVM limited to a heap of 64 MB (the benchmark
 * runs 100,000 under 256 MB; this count keeps CI quick). A run that kept its results or grew its caches without
 * bound would end in OutOfMemoryError there (exit 3).
 */
class BulkHeapTest {
    private static final int NAMES = 20_000;

    @TempDir
    Path dir;

    @Test
    void twentyThousandNamesFitInSixtyFourMegabytesOfHeap() throws IOException, InterruptedException {
        Path names = dir.resolve("names.txt");
        try (BufferedWriter w = Files.newBufferedWriter(names)) {
            for (int i = 0; i < NAMES; i++) {
                w.write((i % 2 == 0 ? "n" + i + ".example.com" : "n" + i + ".example.org") + "\n");
            }
        }
        Path out = dir.resolve("out.ndjson");
        ChildJvm child = ChildJvm.run("64m", "--lab", "-t", "1", "--bulk", names.toString(), "--out", out.toString(),
                "--rate", "0", "--no-progress");
        assertThat(child.out()).contains("dnstracer: " + NAMES + " names in ");
        assertThat(child.status()).as(child.out()).isIn(Cli.OK, Cli.NO_AUTHORITATIVE_ANSWER);
        try (var lines = Files.lines(out)) {
            assertThat(lines.count()).isEqualTo(NAMES);
        }
    }
}
