package org.dnstracer.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.dnstracer.bulk.BulkInput;
import org.xbill.DNS.Type;

/**
 * What an earlier {@code --bulk} run already wrote to its {@code --out} file, for {@code --resume}: the name and
 * type of each result (summary lines and full trace documents alike), and the text of each bad input line.
 */
final class ResumeKeys {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Set<String> done = new HashSet<>();

    /**
     * Reads the file (none is fine) and cuts off an unfinished last line, left by an interrupted run, so that
     * appending starts on a fresh line.
     */
    static ResumeKeys load(Path out) throws IOException {
        ResumeKeys keys = new ResumeKeys();
        if (!Files.exists(out)) {
            return keys;
        }
        cutUnfinishedLine(out);
        try (BufferedReader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String key = keyOf(line);
                if (key != null) {
                    keys.done.add(key);
                }
            }
        }
        return keys;
    }

    int size() {
        return done.size();
    }

    boolean isDone(BulkInput input) {
        return done.contains(input.question() == null ? "input " + input.text()
                : key(input.question().name().toString(), Type.string(input.question().type())));
    }

    private static String key(String name, String type) {
        return name.toLowerCase(Locale.ROOT) + " " + type.toUpperCase(Locale.ROOT);
    }

    /** The key of one output line, or null when the line is not one (damaged, or of another program). */
    static String keyOf(String line) {
        String name = null;
        String type = null;
        String input = null;
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("question") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        p.nextToken();
                        if (inner.equals("name")) {
                            name = p.getValueAsString();
                        } else if (inner.equals("type")) {
                            type = p.getValueAsString();
                        } else {
                            p.skipChildren();
                        }
                    }
                } else if (value == JsonToken.VALUE_STRING && field.equals("name")) {
                    name = p.getValueAsString();
                } else if (value == JsonToken.VALUE_STRING && field.equals("type")) {
                    type = p.getValueAsString();
                } else if (value == JsonToken.VALUE_STRING && field.equals("input")) {
                    input = p.getValueAsString();
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            return null;
        }
        if (name != null && type != null) {
            return key(name, type);
        }
        return input == null ? null : "input " + input;
    }

    private static void cutUnfinishedLine(Path out) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
            long end = f.length();
            long keep = end;
            while (keep > 0) {
                f.seek(keep - 1);
                if (f.read() == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                f.setLength(keep);
            }
        }
    }
}
