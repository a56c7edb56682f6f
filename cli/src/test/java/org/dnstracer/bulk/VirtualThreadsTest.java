package org.dnstracer.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dnstracer.interop.Skip;
import org.junit.jupiter.api.Test;

class VirtualThreadsTest {
    static String describe(Optional<ThreadFactory> factory) throws Exception {
        return factory.isEmpty() ? "none" : VirtualThreadsProbe.describe(factory.get());
    }

    @Test
    void virtualThreadsExactlyWhenTheRunningJvmHasThem() throws Exception {
        String made = describe(VirtualThreads.factory("dnstracer-bulk-"));

        assertThat(made).isEqualTo(Runtime.version().feature() >= 21 ? "true dnstracer-bulk-1" : "none");
    }

    @Test
    void onAJdkWithVirtualThreadsTheBulkWorkersAreVirtual() throws Exception {
        Optional<Path> java = newestJdk21OrLater();
        Skip.unless(java.isPresent() ? Optional.empty()
                : Optional.of("no JDK 21 or later under /usr/lib/jvm (the launcher's JDK 25)"));
        Process child = new ProcessBuilder(java.get().toString(), "-cp", System.getProperty("java.class.path"),
                VirtualThreadsProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).isEqualTo("true dnstracer-bulk-1");
    }

    /** As the launcher looks for one: a JDK 2x under /usr/lib/jvm, found by its release file. */
    private static Optional<Path> newestJdk21OrLater() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> feature(home) >= 21 && Files.isExecutable(home.resolve("bin/java")))
                    .max(Comparator.comparingInt(VirtualThreadsTest::feature)).map(home -> home.resolve("bin/java"));
        }
    }

    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return Integer.parseInt(line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
