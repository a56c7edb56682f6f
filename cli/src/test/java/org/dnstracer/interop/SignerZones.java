package org.dnstracer.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The zones of the real-signers comparison: one template (every case of issue 20 item 5 that a zone's content
 * makes) signed by each signer in several modes, its unsigned child, and the questions that exercise each case.
 * Written into a {@link SignersLab} run directory's {@code in/} (zones.list and one file per zone).
 */
final class SignerZones {
    /** A leaf zone: name, signer, mode and servers as signers-up.sh reads them. */
    record Zone(String name, String signer, String mode) {
        String listLine() {
            return name + " " + signer + " " + mode + " 1,2,3";
        }
    }

    static final List<Zone> ZONES = List.of(
            new Zone("bind-nsec.sig", "bind", "nsec"),
            new Zone("bind-nsec3.sig", "bind", "nsec3+optout"),
            new Zone("ldns-nsec.sig", "ldns", "nsec"),
            new Zone("ldns-nsec3.sig", "ldns", "nsec3+optout"),
            new Zone("knot-nsec.sig", "knot", "nsec"),
            new Zone("knot-nsec3.sig", "knot", "nsec3+optout"),
            new Zone("ldns-iter500.sig", "ldns", "nsec3+iter500"),
            new Zone("bind-rollover.sig", "bind", "nsec+rollover"),
            new Zone("bind-keys.sig", "bind", "nsec3+keys"),
            new Zone("bind-stale.sig", "bind", "nsec+stale2"),
            new Zone("bind-forge.sig", "bind", "nsec+forge"),
            new Zone("bind-forge3.sig", "bind", "nsec3+forge"),
            new Zone("bind-forgedeny.sig", "bind", "nsec+forgedeny"));

    private SignerZones() {}

    static void write(Path run) throws IOException {
        Path in = run.resolve("in");
        List<String> list = new ArrayList<>();
        for (int i = 0; i < ZONES.size(); i++) {
            Zone z = ZONES.get(i);
            // the CNAME across zones points into the next zone of the list: a signer's answer, another's denial
            String other = ZONES.get((i + 1) % ZONES.size()).name();
            list.add(z.listLine());
            Files.writeString(in.resolve(z.name() + ".zone"), leaf(z.name(), other));
            list.add("kid." + z.name() + " none - 4");
            Files.writeString(in.resolve("kid." + z.name() + ".zone"), kid("kid." + z.name()));
        }
        Files.write(in.resolve("zones.list"), list);
    }

    /**
     * The answer to the question depends on the stale2 zone (one expired server): asked there, or a cname-out whose
     * missing target lies there.
     */
    static boolean reachesStaleZone(SignedQuestion q) {
        return q.mode().contains("stale2")
                || q.kind() == QuestionKind.CNAME_TO_MISSING_ACROSS && crossTargetMode(q.zone()).contains("stale2");
    }

    /** The mode of the zone that {@code zone}'s cname-out points into (the next of the list), or "" if none. */
    static String crossTargetMode(String zone) {
        for (int i = 0; i < ZONES.size(); i++) {
            if (ZONES.get(i).name().equals(zone)) {
                return ZONES.get((i + 1) % ZONES.size()).mode();
            }
        }
        return "";
    }

    static String leaf(String z, String other) {
        return "$TTL 300\n"
                + "@ SOA ns1.sig. hostmaster." + z + ". 1 3600 600 86400 300\n"
                + "@ NS ns1.sig.\n@ NS ns2.sig.\n@ NS ns3.sig.\n"
                + "www A 192.0.2.1\n"
                + "www TXT \"www\"\n"
                + "*.wild A 192.0.2.2\n"
                + "x.ent A 192.0.2.3\n"                  // ent: an empty non-terminal
                + "cname-in CNAME missing." + z + ".\n"
                + "cname-out CNAME missing." + other + ".\n"
                + "cname-ok CNAME www." + z + ".\n"
                + "dname DNAME target." + z + ".\n"
                + "a.target A 192.0.2.4\n"
                + "kid NS ns.kid." + z + ".\n"           // unsigned: no DS (NSEC), or opt-out (NSEC3)
                + "ns.kid A 127.55.3.1\n"
                // ent2: an empty non-terminal with only an unsigned delegation below it (no NSEC3 under opt-out)
                + "k.ent2 NS ns.kid." + z + ".\n";
    }

    static String kid(String z) {
        return "$TTL 300\n@ SOA ns." + z + ". hostmaster." + z + ". 1 3600 600 86400 300\n@ NS ns." + z + ".\n"
                + "ns A 127.55.3.1\nwww A 192.0.2.9\n";
    }

    static List<SignedQuestion> questions() {
        List<SignedQuestion> qs = new ArrayList<>();
        for (Zone z : ZONES) {
            String n = z.name();
            add(qs, z, "www." + n, "A", QuestionKind.ANSWER);
            add(qs, z, "www." + n, "AAAA", QuestionKind.NODATA);
            add(qs, z, "nx." + n, "A", QuestionKind.NXDOMAIN);
            add(qs, z, "a.wild." + n, "A", QuestionKind.WILDCARD);
            add(qs, z, "a.wild." + n, "AAAA", QuestionKind.WILDCARD_NODATA);
            add(qs, z, "ent." + n, "A", QuestionKind.EMPTY_NON_TERMINAL);
            add(qs, z, "x.ent." + n, "A", QuestionKind.ANSWER);
            add(qs, z, "ent2." + n, "A", QuestionKind.EMPTY_NON_TERMINAL);
            add(qs, z, "cname-in." + n, "A", QuestionKind.CNAME_TO_MISSING_INSIDE);
            add(qs, z, "cname-out." + n, "A", QuestionKind.CNAME_TO_MISSING_ACROSS);
            add(qs, z, "cname-ok." + n, "A", QuestionKind.CNAME);
            boolean forgedDenial = z.mode().contains("forgedeny");
            add(qs, z, "a.dname." + n, "A", forgedDenial ? QuestionKind.FORGED_DNAME_NSEC : QuestionKind.DNAME);
            add(qs, z, "www.kid." + n, "A",
                    forgedDenial ? QuestionKind.FORGED_DELEGATION_NSEC : QuestionKind.UNSIGNED_DELEGATION);
            if (z.mode().contains("forge") && !forgedDenial) {
                add(qs, z, "forged.wild." + n, "A", QuestionKind.FORGED_WILDCARD);
            }
        }
        return qs;
    }

    private static void add(List<SignedQuestion> qs, Zone z, String name, String type, QuestionKind kind) {
        qs.add(new SignedQuestion(name, type, kind, z.name(), z.signer(), z.mode()));
    }
}
