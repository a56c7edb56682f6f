package org.dnstracer.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dnstracer.trace.FuzzedNetwork.Kind;
import org.dnstracer.trace.FuzzedNetwork.Mode;

/**
 * Writes the hand-made seeds of {@link HostileNetworkFuzzTest}: small hierarchies of each shape the engine
 * knows (healthy, glueless, CNAME chains and loops, wide referrals, lame and broken servers), in the byte layout
 * of {@link HostileNetworkFuzzTest#request} and {@link FuzzedNetwork}. Run it from the project directory after
 * changing it: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.dnstracer.trace.HostileNetworkSeeds}.
 */
public final class HostileNetworkSeeds {
    static final Path INPUTS = Path.of("src/test/resources/org/dnstracer/trace/HostileNetworkFuzzTestInputs");
    /** Both fuzz tests read the same layout, so they start from the same seeds. */
    static final java.util.List<String> METHODS = java.util.List.of(
            "anyNetworkGivesABoundedTraceThatEveryRendererPrints", "anyNetworkGivesTheSameTreeWhateverTheReplyOrder");

    // indexes into FuzzedNetwork.NAMES
    private static final int ROOT = 0;
    private static final int COM = 1;
    private static final int EXAMPLE = 2;
    private static final int WWW = 3;
    private static final int ALIAS = 4;
    private static final int NS1 = 6;
    private static final int NS2 = 7;
    private static final int GTLD = 8;
    private static final int TEST = 9;
    private static final int OTHER = 10;
    private static final int LOOP = 12;
    private static final int QNAME = FuzzedNetwork.QNAME;
    private static final int PARENT = FuzzedNetwork.PARENT;
    // indexes into FuzzedNetwork.ADDRESSES, for A records
    private static final int TLD1 = 1;
    private static final int TLD2 = 2;
    private static final int AUTH1 = 3;
    private static final int AUTH2 = 4;
    // sections
    private static final int ANSWER = 0;
    private static final int AUTHORITY = 1;
    private static final int ADDITIONAL = 2;

    private HostileNetworkSeeds() {}

    public static void main(String[] args) throws IOException {
        for (String method : METHODS) {
            Path dir = INPUTS.resolve(method);
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
                Files.write(dir.resolve("seed-" + seed.getKey()), seed.getValue());
            }
        }
    }

    /** Writes choices in the order the fuzz test reads them. */
    private static final class Seed {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        /** question index, root start, family, tries - 1, -c, -C, no CNAME following, then the limits. */
        Seed settings(int question, boolean rootStart, int family, boolean noCache, boolean negativeCache) {
            return raw(question, rootStart ? 0 : 3, family, 2, noCache ? 1 : 0, negativeCache ? 1 : 0, 0,
                    15, 199, 8, 7, 3);
        }

        Seed mode(Mode mode) {
            return raw(mode.ordinal());
        }

        /** A replying server with one script (or two: the second for every other question). */
        Seed replies(int scripts) {
            return raw(Mode.REPLIES.ordinal(), scripts - 1);
        }

        Seed script(boolean aa, boolean tc, int rcodeIndex, int records) {
            return raw((aa ? 1 : 0) | (tc ? 2 : 0), rcodeIndex, records);
        }

        Seed rr(int section, int owner, Kind kind, int operand) {
            return raw(section, owner, kind.ordinal(), operand);
        }

        Seed fan(int owner, int operand, int count, int glue) {
            return raw(AUTHORITY, owner, Kind.FAN.ordinal(), operand, count - 1, glue);
        }

        Seed raw(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** The root refers com to a.gtld.test (127.0.1.1), which refers example.com to ns1 and ns2 with glue. */
    private static Seed upToExample(Seed s) {
        s.replies(1).script(false, false, 0, 2).rr(AUTHORITY, COM, Kind.NS, GTLD).rr(ADDITIONAL, GTLD, Kind.A, TLD1);
        s.replies(1).script(false, false, 0, 4).rr(AUTHORITY, EXAMPLE, Kind.NS, NS1).rr(AUTHORITY, EXAMPLE, Kind.NS, NS2)
                .rr(ADDITIONAL, NS1, Kind.A, AUTH1).rr(ADDITIONAL, NS2, Kind.A, AUTH2);
        return s.mode(Mode.SILENT); // 127.0.1.2
    }

    static Map<String, byte[]> seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();

        Seed healthy = upToExample(new Seed().settings(0, true, 0, false, false));
        healthy.replies(1).script(true, false, 0, 1).rr(ANSWER, QNAME, Kind.A, 0);
        healthy.replies(1).script(true, false, 0, 1).rr(ANSWER, QNAME, Kind.A, 0);
        seeds.put("healthy", healthy.bytes());

        Seed lame = upToExample(new Seed().settings(0, true, 0, false, true));
        lame.replies(1).script(false, false, 0, 2).rr(AUTHORITY, ROOT, Kind.NS, GTLD).rr(ADDITIONAL, GTLD, Kind.A, 0);
        lame.replies(1).script(true, false, 2, 0);
        lame.replies(1).script(false, false, 3, 0);
        lame.mode(Mode.UNREACHABLE).mode(Mode.THROWS);
        seeds.put("upward-servfail-refused-unreachable-throws", lame.bytes());

        // glueless: example.com is served by ns.other.test, whose address comes from test (second scripts)
        Seed glueless = new Seed().settings(0, true, 0, false, false);
        glueless.replies(1).script(false, false, 0, 3).rr(AUTHORITY, COM, Kind.NS, GTLD).rr(AUTHORITY, TEST, Kind.NS, GTLD)
                .rr(ADDITIONAL, GTLD, Kind.A, TLD1);
        glueless.replies(2).script(false, false, 0, 1).rr(AUTHORITY, EXAMPLE, Kind.NS, OTHER)
                .script(true, false, 0, 1).rr(ANSWER, QNAME, Kind.A, AUTH1);
        glueless.mode(Mode.SILENT);
        glueless.replies(1).script(true, false, 0, 1).rr(ANSWER, QNAME, Kind.A, 0);
        seeds.put("glueless", glueless.bytes());

        Seed cnames = upToExample(new Seed().settings(2, true, 0, false, false));
        cnames.replies(1).script(true, false, 0, 2).rr(ANSWER, ALIAS, Kind.CNAME, WWW).rr(ANSWER, WWW, Kind.CNAME, OTHER);
        cnames.replies(1).script(true, false, 0, 2).rr(ANSWER, ALIAS, Kind.CNAME, LOOP).rr(ANSWER, LOOP, Kind.CNAME, ALIAS);
        seeds.put("cname-chain-and-loop", cnames.bytes());

        Seed selfLoop = upToExample(new Seed().settings(2, true, 0, false, false));
        selfLoop.replies(1).script(true, false, 2, 1).rr(ANSWER, QNAME, Kind.CNAME, QNAME);
        selfLoop.replies(1).script(true, false, 0, 1).rr(ANSWER, QNAME, Kind.CNAME, LOOP);
        seeds.put("cname-self-loop", selfLoop.bytes());

        Seed wide = new Seed().settings(0, true, 0, false, false);
        wide.replies(1).script(false, false, 0, 2).rr(AUTHORITY, COM, Kind.NS, GTLD).rr(ADDITIONAL, GTLD, Kind.A, TLD1);
        wide.replies(1).script(false, true, 0, 1).fan(EXAMPLE, 0, 40, 2);
        wide.mode(Mode.SILENT).replies(1).script(true, false, 0, 1).rr(ANSWER, QNAME, Kind.A, 0);
        seeds.put("forty-name-servers-half-glued", wide.bytes());

        Seed outOfZone = new Seed().settings(0, true, 0, false, false);
        outOfZone.replies(1).script(false, false, 0, 2).rr(AUTHORITY, COM, Kind.NS, GTLD).rr(ADDITIONAL, GTLD, Kind.A, TLD1);
        outOfZone.replies(2).script(false, false, 0, 1).fan(EXAMPLE, 1, 5, 1)
                .script(false, false, 0, 2).rr(AUTHORITY, PARENT, Kind.NS, GTLD).rr(ADDITIONAL, GTLD, Kind.A, TLD2);
        outOfZone.replies(1).script(true, false, 0, 1).rr(ANSWER, QNAME, Kind.A, AUTH1);
        seeds.put("glue-out-of-bailiwick", outOfZone.bytes());

        Seed resolver = new Seed().settings(5, false, 1, false, false);
        resolver.replies(1).script(false, false, 0, 4).rr(ANSWER, QNAME, Kind.A, 0).rr(ANSWER, QNAME, Kind.TXT, 0)
                .rr(AUTHORITY, EXAMPLE, Kind.NS, NS1).rr(ADDITIONAL, NS1, Kind.A, AUTH1);
        resolver.mode(Mode.SILENT).mode(Mode.SILENT).replies(1).script(true, false, 0, 2).rr(ANSWER, QNAME, Kind.MX, NS1)
                .rr(ANSWER, QNAME, Kind.DNAME, OTHER);
        seeds.put("resolver-start-any", resolver.bytes());

        Seed nxdomain = new Seed().settings(4, true, 0, true, false);
        nxdomain.replies(1).script(false, false, 0, 3).rr(AUTHORITY, COM, Kind.NS, GTLD).rr(ADDITIONAL, GTLD, Kind.A, TLD1)
                .rr(ADDITIONAL, GTLD, Kind.AAAA, 0);
        nxdomain.replies(1).script(false, false, 0, 2).rr(AUTHORITY, EXAMPLE, Kind.NS, GTLD).rr(ADDITIONAL, GTLD, Kind.A, TLD1);
        nxdomain.mode(Mode.MALFORMED).replies(1).script(true, false, 1, 1).rr(AUTHORITY, EXAMPLE, Kind.SOA, NS1);
        seeds.put("nxdomain-referral-loop-no-cache", nxdomain.bytes());

        seeds.put("all-silent", new Seed().settings(0, true, 0, false, true).bytes());
        return seeds;
    }
}
