package org.dnstracer.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dnstracer.model.Question;
import org.dnstracer.testkit.Replies;
import org.dnstracer.testkit.Scenarios;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * Writes the hand-made seeds of {@link HostileDatagramFuzzTest}: one well-formed reply of each kind the engine
 * distinguishes, and a few broken ones, so that fuzzing starts from datagrams that pass acceptance. Run it from
 * the project directory after changing it:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.dnstracer.trace.HostileDatagramSeeds}.
 */
public final class HostileDatagramSeeds {
    static final Path DIR = Path.of("src/test/resources/org/dnstracer/trace/HostileDatagramFuzzTestInputs/"
            + "anyDatagramIsJudgedClassifiedAndRenderedWithoutAnException");

    private HostileDatagramSeeds() {}

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
            Files.write(DIR.resolve("seed-" + seed.getKey()), seed.getValue());
        }
    }

    /** Selector octet: question index | zone index << 3 | truncated-first << 6. */
    private static byte[] seed(int question, int zone, boolean truncated, byte[] datagram) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(question | zone << 3 | (truncated ? 0x40 : 0));
        out.writeBytes(datagram);
        return out.toByteArray();
    }

    private static byte[] wire(Message m) {
        m.getHeader().setID(HostileDatagramFuzzTest.ID);
        return m.toWire();
    }

    private static Question q(int index) {
        return HostileDatagramFuzzTest.QUESTIONS.get(index);
    }

    static Map<String, byte[]> seeds() {
        // question indexes: 0 www A, 1 example.com NS, 2 www AAAA, 3 alias A, 4 com NS, 5 . NS, 6 www CNAME, 7 www ANY
        // zone indexes: 0 none, 1 ., 2 com, 3 example.com, 4 sub.example.com, 5 test, 6 www.example.com, 7 org
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("referral", seed(0, 2, false, wire(Replies.referral(q(0),
                "example.com. 172800 IN NS ns1.example.com.", "example.com. 172800 IN NS ns2.other.test.",
                "ns1.example.com. 172800 IN A 127.0.2.1", "ns1.example.com. 172800 IN AAAA ::1",
                "ns2.other.test. 172800 IN A 127.0.2.2"))));
        seeds.put("referral-from-root", seed(0, 1, false, wire(Replies.referral(q(0),
                "com. 172800 IN NS a.gtld.test.", "a.gtld.test. 172800 IN A 127.0.1.1"))));
        seeds.put("answer", seed(0, 3, false, wire(Replies.answer(q(0), "www.example.com. 300 IN A 192.0.2.80"))));
        seeds.put("answer-truncated-first", seed(2, 3, true, wire(Replies.answer(q(2),
                "www.example.com. 300 IN AAAA 2001:db8::80"))));
        seeds.put("cname-chain", seed(3, 3, false, wire(Replies.answer(q(3),
                "alias.example.com. 300 IN CNAME www.example.com.", "www.example.com. 300 IN CNAME www.other.test.",
                "www.other.test. 300 IN A 192.0.2.1"))));
        seeds.put("cname-loop", seed(3, 3, false, wire(Replies.answer(q(3),
                "alias.example.com. 300 IN CNAME loop.example.com.", "loop.example.com. 300 IN CNAME alias.example.com."))));
        Message loopServfail = Replies.answer(q(3), "alias.example.com. 300 IN CNAME alias.example.com.");
        loopServfail.getHeader().setRcode(Rcode.SERVFAIL);
        seeds.put("cname-self-loop-servfail", seed(3, 3, false, wire(loopServfail)));
        seeds.put("nxdomain", seed(0, 3, false, wire(Replies.nxdomain(q(0), Scenarios.SOA))));
        seeds.put("nodata", seed(6, 3, false, wire(Replies.nodata(q(6), Scenarios.SOA))));
        seeds.put("refused", seed(1, 3, false, wire(Replies.rcode(q(1), Rcode.REFUSED))));
        seeds.put("notauth-from-start", seed(1, 0, false, wire(Replies.rcode(q(1), Rcode.NOTAUTH))));
        seeds.put("upward-referral", seed(0, 3, false, wire(Replies.referral(q(0),
                ". 518400 IN NS a.root.test.", "a.root.test. 518400 IN A 127.0.0.1"))));
        seeds.put("unrelated-referral", seed(0, 2, false, wire(Replies.referral(q(0),
                "org. 172800 IN NS ns.org.", "ns.org. 172800 IN A 127.0.9.9"))));
        seeds.put("resolver-answer", seed(7, 0, false, wire(Replies.nonAuthoritativeAnswer(q(7),
                "www.example.com. 300 IN A 192.0.2.80", "www.example.com. 300 IN TXT \"v=x\" \"\\000\\255\"",
                "www.example.com. 300 IN MX 10 mail.example.com."))));
        seeds.put("aa-answer-for-another-name", seed(0, 3, false, wire(Replies.answer(q(0),
                "mail.example.com. 300 IN A 192.0.2.25"))));
        seeds.put("root-ns", seed(5, 1, false, wire(Replies.answer(q(5),
                ". 518400 IN NS a.root.test.", ". 518400 IN SOA a.root.test. nobody.test. 1 2 3 4 5"))));
        Message withEdns = Replies.answer(q(4), "com. 172800 IN NS a.gtld.test.");
        withEdns.addRecord(new OPTRecord(1232, 0, 0, Flags.DO,
                java.util.List.<EDNSOption>of(new GenericEDNSOption(15, new byte[] {0, 17, 'x'}))), Section.ADDITIONAL);
        seeds.put("edns-ede", seed(4, 2, false, wire(withEdns)));
        Message formerr = new Message();
        formerr.getHeader().setFlag(Flags.QR);
        formerr.getHeader().setRcode(Rcode.FORMERR);
        seeds.put("formerr-without-question", seed(0, 3, false, wire(formerr)));
        seeds.put("compression-loop", seed(0, 3, false, compressionLoop()));
        seeds.put("empty", new byte[] {0});
        return seeds;
    }

    /** A reply whose question name is a compression pointer to itself. */
    private static byte[] compressionLoop() {
        int id = HostileDatagramFuzzTest.ID;
        return new byte[] {(byte) (id >> 8), (byte) id, (byte) 0x84, 0, 0, 1, 0, 0, 0, 0, 0, 0,
                (byte) 0xc0, 12, 0, 1, 0, 1};
    }
}
