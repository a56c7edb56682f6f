package org.dnstracer.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a lab's files come from: a directory, or the class path (the built-in lab must load from inside the shaded
 * jar, where there is no directory to list; so the lab file names every zone file it needs).
 */
interface LabSource {
    /** How a file is named in error messages. */
    String describe(String file);

    /** The file's text, or empty when it does not exist. */
    Optional<String> read(String file) throws IOException;

    static LabSource directory(Path dir) {
        return new LabSource() {
            @Override
            public String describe(String file) {
                return dir.resolve(file).toString();
            }

            @Override
            public Optional<String> read(String file) throws IOException {
                try {
                    return Optional.of(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                }
            }
        };
    }

    static LabSource classpath(String base) {
        return new LabSource() {
            @Override
            public String describe(String file) {
                return "classpath:" + base + "/" + file;
            }

            @Override
            public Optional<String> read(String file) throws IOException {
                try (InputStream in = LabSource.class.getClassLoader().getResourceAsStream(base + "/" + file)) {
                    return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        };
    }
}
