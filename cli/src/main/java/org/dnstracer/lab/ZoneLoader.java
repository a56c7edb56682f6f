package org.dnstracer.lab;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Zone;

/** Zone text to a dnsjava {@link Zone}, with errors turned into one {@code file:line: problem} message. */
final class ZoneLoader {
    /** TTL for records before any $TTL, so short hand-written test zones need none. */
    private static final long DEFAULT_TTL = 3600;

    // dnsjava names the input "<none>" when it reads a stream; we put the real file name in its place
    private static final Pattern TOKENIZER_ERROR = Pattern.compile("^(?:<none>|[^:]*):(\\d+): (.*)$", Pattern.DOTALL);

    private ZoneLoader() {}

    static Zone load(String file, Name origin, String text) throws LabException {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), origin, DEFAULT_TTL)) {
            // $INCLUDE would reach outside the lab (and cannot work from a jar): refuse it instead
            master.disableIncludes(true);
            Record r;
            while ((r = master.nextRecord()) != null) {
                if (!r.getName().subdomain(origin)) {
                    throw LabException.at(file, 0, "record '" + r + "' is outside zone " + LabNames.display(origin));
                }
                records.add(r);
            }
        } catch (LabException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            Matcher m = TOKENIZER_ERROR.matcher(message);
            if (m.matches()) {
                throw LabException.at(file, Integer.parseInt(m.group(1)), m.group(2));
            }
            throw LabException.at(file, 0, message);
        }
        try {
            return new Zone(origin, records.toArray(new Record[0]));
        } catch (IOException | RuntimeException e) {
            // e.g. "exactly 1 SOA must be specified": dnsjava's own words, prefixed with the zone's name already
            throw LabException.at(file, 0, e.getMessage());
        }
    }
}
