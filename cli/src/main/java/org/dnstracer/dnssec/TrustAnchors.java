package org.dnstracer.dnssec;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dnstracer.model.Names;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Where validation starts: DS records (a DNSKEY anchor is turned into its SHA-256 DS) by zone. A zone with an anchor
 * is checked against it whatever its parent says.
 */
public final class TrustAnchors {
    private static final String BUILT_IN = "root-anchors.zone";
    private static final String BUILT_IN_SOURCE = "built-in IANA root anchors";

    private final Map<Name, List<DSRecord>> byZone;
    private final String source;

    private TrustAnchors(Map<Name, List<DSRecord>> byZone, String source) {
        this.byZone = Map.copyOf(byZone);
        this.source = source;
    }

    /** The IANA root anchors shipped with the tool: KSK-2017 (20326) and KSK-2024 (38696). */
    public static TrustAnchors builtIn() {
        try (InputStream in = TrustAnchors.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in trust anchors missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_SOURCE);
        } catch (IOException | AnchorException e) {
            throw new IllegalStateException("built-in trust anchors are broken: " + e.getMessage(), e);
        }
    }

    /** DS or DNSKEY records in zone-file format (e.g. Debian's {@code /usr/share/dns/root.key}). */
    public static TrustAnchors load(Path file) throws AnchorException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new AnchorException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** No anchor at all: every zone is indeterminate (a lab that signs nothing). */
    public static TrustAnchors none(String source) {
        return new TrustAnchors(Map.of(), source);
    }

    /** Anchors given as records (the lab's own). */
    public static TrustAnchors of(List<Record> records, String source) throws AnchorException {
        return fromRecords(records, source);
    }

    static TrustAnchors parse(String text, String source) throws AnchorException {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Name.root, 3600)) {
            master.disableIncludes(true);
            Record r;
            while ((r = master.nextRecord()) != null) {
                records.add(r);
            }
        } catch (IOException | RuntimeException e) {
            throw new AnchorException(source + ": " + e.getMessage());
        }
        return fromRecords(records, source);
    }

    private static TrustAnchors fromRecords(List<Record> records, String source) throws AnchorException {
        Map<Name, List<DSRecord>> byZone = new LinkedHashMap<>();
        for (Record r : records) {
            DSRecord ds = r instanceof DSRecord d ? d
                    : r instanceof DNSKEYRecord k ? new DSRecord(k.getName(), k.getDClass(), k.getTTL(),
                            DSRecord.SHA256_DIGEST_ID, k)
                    : null;
            if (ds != null) {
                byZone.computeIfAbsent(ds.getName(), n -> new ArrayList<>()).add(ds);
            }
        }
        if (byZone.isEmpty()) {
            throw new AnchorException(source + ": no DS or DNSKEY record found");
        }
        byZone.replaceAll((zone, list) -> List.copyOf(list));
        return new TrustAnchors(byZone, source);
    }

    /** The anchors for exactly this zone, or an empty list. */
    public List<DSRecord> forZone(Name zone) {
        return zone == null ? List.of() : byZone.getOrDefault(zone, List.of());
    }

    public Map<Name, List<DSRecord>> all() {
        return byZone;
    }

    /**
     * The IANA anchors shipped with the tool, not a file or a lab's: a root whose keys they do not match is a root
     * of another hierarchy (a lab, a private root), not an attack, and the user is told to give --trust-anchor.
     */
    public boolean builtInIana() {
        return BUILT_IN_SOURCE.equals(source);
    }

    /** Where they came from, for the JSON output. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        byZone.forEach((zone, list) -> list.forEach(ds -> out.append(out.length() == 0 ? "" : ", ")
                .append(Names.display(zone)).append(' ').append(ds.getFootprint())));
        return out.toString();
    }

    /** A trust anchor file that cannot be used; the message names the file. */
    public static final class AnchorException extends Exception {
        public AnchorException(String message) {
            super(message);
        }
    }
}
