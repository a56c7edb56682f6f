package org.dnstracer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;
import org.dnstracer.bulk.BulkInput;
import org.dnstracer.model.Question;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads the {@code --bulk} input one line at a time: {@code NAME [TYPE]}; blank lines and {@code #} comments are
 * skipped; an IP literal is traced as its reverse name (PTR unless a type is given). A line that is not a name gives
 * an error input in its place, so the run goes on. Lines are read as they are needed: any input size in flat memory.
 * {@link #parse} is public for other readers of the same input format (the Spark job reads its lines this way).
 */
public final class BulkInputReader implements Iterator<BulkInput> {
    private final BufferedReader reader;
    private final int defaultType;
    private final Predicate<BulkInput> skip;
    private long lineNumber;
    private long skipped;
    private BulkInput next;

    /**
     * @param defaultType the type of a line without one (that of {@code -q}, else A)
     * @param skip inputs already done (--resume): not returned, only counted
     */
    BulkInputReader(BufferedReader reader, int defaultType, Predicate<BulkInput> skip) {
        this.reader = reader;
        this.defaultType = defaultType;
        this.skip = skip;
    }

    /** Inputs left out because {@code skip} said they were done. */
    long skipped() {
        return skipped;
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                return false;
            }
            lineNumber++;
            BulkInput input = parse(lineNumber, line, defaultType);
            if (input != null && skip.test(input)) {
                skipped++;
            } else {
                next = input;
            }
        }
        return true;
    }

    @Override
    public BulkInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BulkInput input = next;
        next = null;
        return input;
    }

    /**
     * One line as an input, or null for a blank or comment line.
     *
     * @param lineNumber the input's line number, echoed in its result
     * @param defaultType the type of a line without one
     */
    public static BulkInput parse(long lineNumber, String line, int defaultType) {
        String text = withoutComment(line).strip();
        if (text.isEmpty()) {
            return null;
        }
        String[] words = text.split("\\s+");
        if (words.length > 2) {
            return BulkInput.bad(lineNumber, text, "expected NAME [TYPE], got " + words.length + " words");
        }
        try {
            Optional<InetAddress> literal = IpAddresses.parseLiteral(words[0]);
            Integer type = words.length == 2 ? new QueryTypes().convert(words[1]) : null;
            Question question = literal.isPresent()
                    ? new Question(ReverseMap.fromAddress(literal.get()), type != null ? type : Type.PTR)
                    : new Question(Arguments.parseName(words[0], "host"), type != null ? type : defaultType);
            return BulkInput.of(lineNumber, text, question);
        } catch (UsageException | TypeConversionException e) {
            return BulkInput.bad(lineNumber, text, e.getMessage());
        }
    }

    /** A comment starts with # at the beginning of the line or after a blank. */
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
