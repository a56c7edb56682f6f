package org.dnstracer.dnssec;

import java.util.ArrayList;
import java.util.List;
import org.dnstracer.model.Question;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRset;

/** Building blocks of the replies the signed-zone tests make up from real signers' zone files. */
final class SignedFixtures {
    private SignedFixtures() {}

    static Question q(String name, int type) {
        return new Question(Name.fromConstantString(name), type);
    }

    /** The wildcard's RRset with its RRSIGs as a server expands it for {@code name}. */
    static RRset expanded(RRset wildcard, String name) {
        Name owner = Name.fromConstantString(name);
        RRset out = new RRset();
        wildcard.rrs(false).forEach(r -> out.addRR(r.withName(owner)));
        wildcard.sigs().forEach(r -> out.addRR(r.withName(owner)));
        return out;
    }

    static List<RRset> with(RRset first, List<RRset> rest) {
        List<RRset> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
