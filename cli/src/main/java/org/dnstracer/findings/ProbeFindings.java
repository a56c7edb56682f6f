package org.dnstracer.findings;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.IpAddresses;
import org.dnstracer.net.Protocol;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The findings of the {@code --check} and {@code --axfr} probes: a pure function of their replies. */
final class ProbeFindings {
    private ProbeFindings() {}

    static void find(ProbeResults probes, FindingCollector out) {
        for (CutProbes cut : probes.cuts()) {
            referralSize(cut, out);
            nsSets(cut, out);
            glue(cut, out);
            soa(cut, out);
            perServer(cut, out);
            typesOfAName(cut, out);
        }
    }

    private static void referralSize(CutProbes cut, FindingCollector out) {
        for (ServerProbes p : cut.parents()) {
            Message reply = reply(p, Probe.REFERRAL_NO_EDNS);
            if (reply != null && reply.getHeader().getFlag(Flags.TC)) {
                out.add(FindingCode.REFERRAL_TRUNCATED_WITHOUT_EDNS, cut.zone(), p.server(), p.address(),
                        "its referral to " + ServerText.zone(cut.zone()) + " does not fit 512 octets without EDNS "
                                + "(TC=1)", List.of());
            }
        }
    }

    private static void nsSets(CutProbes cut, FindingCollector out) {
        Map<InetAddress, Set<Name>> childSets = new LinkedHashMap<>();
        Map<InetAddress, String> names = new LinkedHashMap<>();
        for (ServerProbes p : cut.children()) {
            Message reply = reply(p, Probe.NS);
            if (reply == null || reply.getRcode() != Rcode.NOERROR || !reply.getHeader().getFlag(Flags.AA)
                    || reply.getHeader().getFlag(Flags.TC)) {
                continue; // lame, silent or truncated: the trace's own findings say so
            }
            Set<Name> set = new TreeSet<>();
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (r instanceof NSRecord ns && r.getName().equals(cut.zone())) {
                    set.add(ns.getTarget());
                }
            }
            if (!set.isEmpty()) {
                childSets.put(p.address(), set);
                names.put(p.address(), p.server());
            }
        }
        if (childSets.isEmpty()) {
            return;
        }
        Set<Name> union = new LinkedHashSet<>();
        childSets.values().forEach(union::addAll);
        String parentText = String.join(", ", cut.parentNameServers().stream().map(ServerText::name).toList());
        for (Name ns : cut.parentNameServers()) {
            if (!union.contains(ns)) {
                out.add(FindingCode.NS_ONLY_AT_PARENT, cut.zone(), ServerText.name(ns), null,
                        "is in the parent's delegation but in no child server's NS set for "
                                + ServerText.zone(cut.zone()), List.of("parent: " + parentText,
                                "child: " + String.join(", ", union.stream().map(ServerText::name).toList())));
            }
        }
        for (Name ns : union) {
            if (!cut.parentNameServers().contains(ns)) {
                List<String> servedBy = new ArrayList<>();
                childSets.forEach((a, set) -> {
                    if (set.contains(ns)) {
                        servedBy.add(ServerText.of(names.get(a), a));
                    }
                });
                out.add(FindingCode.NS_ONLY_AT_CHILD, cut.zone(), ServerText.name(ns), null,
                        "is in the child's NS set for " + ServerText.zone(cut.zone()) + " but not in the parent's "
                                + "delegation", List.of("parent: " + parentText,
                                "child NS set from " + String.join(", ", servedBy)));
            }
        }
        minority(cut, childSets, names, s -> String.join(", ", s.stream().map(ServerText::name).toList()),
                FindingCode.NS_CHILD_SERVERS_DISAGREE, "gives a different NS set for " + ServerText.zone(cut.zone())
                        + " than", out);
    }

    private static void glue(CutProbes cut, FindingCollector out) {
        for (ServerProbes p : cut.children()) {
            Name own = nameOf(p.server());
            if (own == null) {
                continue;
            }
            boolean cname = false;
            Set<InetAddress> served = new LinkedHashSet<>();
            boolean answered = false;
            for (Probe probe : List.of(Probe.ADDRESS_A, Probe.ADDRESS_AAAA)) {
                Message reply = reply(p, probe);
                if (reply == null || !reply.getHeader().getFlag(Flags.AA) || reply.getRcode() != Rcode.NOERROR) {
                    continue;
                }
                answered = true;
                for (Record r : reply.getSection(Section.ANSWER)) {
                    if (r instanceof CNAMERecord && r.getName().equals(own)) {
                        cname = true;
                    } else if (r instanceof ARecord a && !cname) {
                        served.add(a.getAddress());
                    } else if (r instanceof AAAARecord a && !cname) {
                        served.add(a.getAddress());
                    }
                }
            }
            if (cname) {
                out.add(FindingCode.NS_IS_CNAME, cut.zone(), p.server(), p.address(),
                        "the name server name " + ServerText.name(own) + " is a CNAME in "
                                + ServerText.zone(cut.zone()), List.of(), delegators(cut));
                continue;
            }
            List<InetAddress> glue = cut.glue().getOrDefault(own, List.of());
            if (!answered || glue.isEmpty() || !glue.contains(p.address())) {
                continue;
            }
            if (!served.contains(p.address())) {
                out.add(FindingCode.GLUE_MISMATCH, cut.zone(), p.server(), p.address(),
                        "the parent's glue says " + addresses(glue) + ", the zone itself says "
                                + (served.isEmpty() ? "no address" : addresses(served)), List.of(), delegators(cut));
            }
        }
    }

    private static void soa(CutProbes cut, FindingCollector out) {
        Map<InetAddress, SOARecord> soas = new LinkedHashMap<>();
        Map<InetAddress, String> names = new LinkedHashMap<>();
        for (ServerProbes p : cut.children()) {
            SOARecord soa = servedSoa(p, cut.zone());
            if (soa != null) {
                soas.put(p.address(), soa);
                names.put(p.address(), p.server());
            }
        }
        if (soas.size() < 2) {
            return;
        }
        long newest = -1;
        for (SOARecord s : soas.values()) {
            if (newest < 0 || newer(s.getSerial(), newest)) {
                newest = s.getSerial();
            }
        }
        Map<Long, List<String>> bySerial = new LinkedHashMap<>();
        soas.forEach((a, s) -> bySerial.computeIfAbsent(s.getSerial(), k -> new ArrayList<>())
                .add(ServerText.of(names.get(a), a)));
        // serials alone differ between multi-provider zones (each numbers its own) and for seconds behind a
        // NOTIFY: a warning only when the servers' data differs too (Zonemaster's CONSISTENCY01 draws the line
        // by the serials' distance instead, which says nothing about the data)
        boolean dataDiffers = out.has(cut.zone(), FindingCode.ANSWER_MISMATCH, FindingCode.NXDOMAIN_MISMATCH,
                FindingCode.NS_CHILD_SERVERS_DISAGREE);
        FindingCode serialCode = dataDiffers ? FindingCode.SOA_SERIAL_MISMATCH : FindingCode.SOA_SERIAL_ONLY_MISMATCH;
        if (bySerial.size() > 1) {
            List<String> evidence = new ArrayList<>();
            bySerial.forEach((serial, servers) ->
                    evidence.add("serial " + serial + " from " + String.join(", ", servers)));
            for (Map.Entry<InetAddress, SOARecord> e : soas.entrySet()) {
                if (e.getValue().getSerial() != newest) {
                    out.add(serialCode, cut.zone(), names.get(e.getKey()), e.getKey(),
                            "serves " + ServerText.zone(cut.zone()) + " with serial " + e.getValue().getSerial()
                                    + ", older than " + newest + " (" + String.join(", ", bySerial.get(newest)) + ")"
                                    + (dataDiffers ? "" : "; the data compared is the same"),
                            evidence, delegators(cut));
                }
            }
        }
        minority(cut, soas, names, s -> "MNAME " + ServerText.name(s.getHost()) + ", RNAME "
                + ServerText.name(s.getAdmin()) + ", refresh " + s.getRefresh() + ", retry " + s.getRetry()
                + ", expire " + s.getExpire() + ", minimum " + s.getMinimum(),
                FindingCode.SOA_FIELDS_MISMATCH, "gives other SOA fields for " + ServerText.zone(cut.zone()) + " than",
                out);
    }

    /**
     * The zone's SOA record as a server of the zone serves it authoritatively: from the SOA probe over UDP, or over
     * TCP when UDP gave none (a server without EDNS still has a serial); null when neither is one.
     */
    static SOARecord servedSoa(ServerProbes p, Name zone) {
        Message reply = reply(p, Probe.SOA);
        if (reply == null || reply.getRcode() != Rcode.NOERROR || !reply.getHeader().getFlag(Flags.AA)) {
            reply = reply(p, Probe.SOA_TCP);
        }
        if (reply == null || reply.getRcode() != Rcode.NOERROR || !reply.getHeader().getFlag(Flags.AA)) {
            return null;
        }
        for (Record r : reply.getSection(Section.ANSWER)) {
            if (r instanceof SOARecord soa && r.getName().equals(zone)) {
                return soa;
            }
        }
        return null;
    }

    private static void perServer(CutProbes cut, FindingCollector out) {
        for (ServerProbes p : cut.children()) {
            Message udp = reply(p, Probe.SOA);
            Exchange tcp = p.get(Probe.SOA_TCP);
            boolean udpWorks = udp != null || reply(p, Probe.NS) != null;
            Exchange plainTcp = p.get(Probe.SOA_TCP_PLAIN);
            Exchange bigTcp = p.get(Probe.BUFFER_512_TCP);
            boolean tcpWorks = tcp == null || tcp.answered() || (plainTcp != null && plainTcp.answered());
            if (udpWorks && !tcpWorks) {
                out.add(FindingCode.UNRESPONSIVE_TCP, cut.zone(), p.server(), p.address(),
                        "answers over UDP but not over TCP (" + failure(tcp) + ")", List.of(), delegators(cut));
            } else if (udpWorks && bigTcp != null && !bigTcp.answered()) {
                // a truncating server without TCP: the TCP fault, not a server error (issue 21 item 3)
                out.add(FindingCode.UNRESPONSIVE_TCP, cut.zone(), p.server(), p.address(),
                        "truncated its DNSKEY reply to a 512-octet buffer (TC=1) but did not answer the same query "
                                + "over TCP (" + failure(bigTcp) + ")",
                        List.of(dig(bigTcp, cut.zone(), "DNSKEY", "+dnssec +bufsize=512 +noednsneg +tcp")),
                        delegators(cut));
            }
            boolean ednsWorks = true;
            if (udp != null && (udp.getOPT() == null || udp.getRcode() == Rcode.FORMERR
                    || udp.getRcode() == Rcode.NOTIMP)) {
                ednsWorks = false;
                out.add(FindingCode.EDNS_NOT_SUPPORTED, cut.zone(), p.server(), p.address(),
                        "answered an EDNS query with " + Rcode.string(udp.getRcode())
                                + (udp.getOPT() == null ? " and no OPT record" : ""), List.of(), delegators(cut));
            }
            Message v1 = reply(p, Probe.SOA_EDNS1);
            if (ednsWorks && v1 != null && v1.getRcode() != Rcode.BADVERS) {
                OPTRecord opt = v1.getOPT();
                out.add(FindingCode.EDNS_BADVERS_MISSING, cut.zone(), p.server(), p.address(),
                        "answered an EDNS version 1 query with " + Rcode.string(v1.getRcode())
                                + (opt == null ? " and no OPT record" : " (EDNS version " + opt.getVersion() + ")")
                                + " instead of BADVERS", List.of(), delegators(cut));
            }
            if (ednsWorks && udp != null) {
                ednsOption(cut, p, out);
                ednsFlag(cut, p, out);
                dnssecOk(cut, p, out);
                ednsOverTcp(cut, p, out);
                smallBuffer(cut, p, out);
                truncatedWithoutOpt(cut, p, out);
            }
            securityRecordsWithoutDo(cut, p, out);
            if (udpWorks) {
                unknownOpcode(cut, p, out);
            }
            version(cut, p, out);
            qnameCase(cut, p, out);
            Message recursion = reply(p, Probe.RECURSION);
            if (recursion != null && resolves(recursion)) {
                out.add(FindingCode.RECURSION_AVAILABLE, cut.zone(), p.server(), p.address(),
                        "resolves for anyone: " + Rcode.string(recursion.getRcode()) + " without AA"
                                + (recursion.getHeader().getFlag(Flags.RA) ? ", RA=1," : "") + " for "
                                + ServerText.name(Checker.RECURSION_PROBE) + ", outside its zones", List.of(),
                        delegators(cut));
            }
            Message axfr = reply(p, Probe.AXFR);
            if (axfr != null && axfr.getRcode() == Rcode.NOERROR) {
                List<Record> records = axfr.getSection(Section.ANSWER);
                if (!records.isEmpty() && records.get(0) instanceof SOARecord soa) {
                    boolean complete = records.size() > 1 && records.get(records.size() - 1) instanceof SOARecord;
                    int count = complete ? records.size() - 1 : records.size();
                    out.add(FindingCode.AXFR_ALLOWED, cut.zone(), p.server(), p.address(),
                            "transfers " + ServerText.zone(cut.zone()) + " to anyone: " + (complete ? "" : "at least ")
                                    + count + " records, serial " + soa.getSerial(), List.of(), delegators(cut));
                }
            }
        }
    }

    /**
     * True when the reply to the RD=1 probe for a name under .invalid (outside every zone) is a resolver's: a
     * non-authoritative NXDOMAIN, or an answer with RA=1. RA=1 on a REFUSED or SERVFAIL is recursion advertised
     * but not given (restricted to other clients): nobody can use it, so it is no finding.
     */
    static boolean resolves(Message reply) {
        if (reply.getHeader().getFlag(Flags.AA)) {
            return false; // its own data (a copy of the root): no resolving took place
        }
        int rcode = reply.getRcode();
        return rcode == Rcode.NXDOMAIN || (rcode == Rcode.NOERROR && reply.getHeader().getFlag(Flags.RA)
                && !reply.getSection(Section.ANSWER).isEmpty());
    }

    /** Blames the addresses outside the largest group of equal values (the first group on a tie). */
    private static <T> void minority(CutProbes cut, Map<InetAddress, T> values, Map<InetAddress, String> names,
            Function<T, String> text, FindingCode code, String verb, FindingCollector out) {
        Map<String, List<InetAddress>> groups = new LinkedHashMap<>();
        values.forEach((a, v) -> groups.computeIfAbsent(text.apply(v), k -> new ArrayList<>()).add(a));
        if (groups.size() < 2) {
            return;
        }
        String reference = null;
        for (Map.Entry<String, List<InetAddress>> e : groups.entrySet()) {
            if (reference == null || e.getValue().size() > groups.get(reference).size()) {
                reference = e.getKey();
            }
        }
        List<String> evidence = new ArrayList<>();
        groups.forEach((t, addresses) -> evidence.add(t + " from " + String.join(", ",
                addresses.stream().map(a -> ServerText.of(names.get(a), a)).toList())));
        String others = String.join(", ",
                groups.get(reference).stream().map(a -> ServerText.of(names.get(a), a)).toList());
        for (Map.Entry<String, List<InetAddress>> e : groups.entrySet()) {
            if (!e.getKey().equals(reference)) {
                for (InetAddress a : e.getValue()) {
                    out.add(code, cut.zone(), names.get(a), a, verb + " " + others, evidence, delegators(cut));
                }
            }
        }
    }

    /**
     * What an EDNS probe's reply did wrong, or null: it must be a NOERROR with an OPT record that does not carry
     * back what the probe added ({@code what}: "the option", "the flag").
     */
    private static String ednsFault(Exchange e, Predicate<OPTRecord> echoed, String what) {
        Message reply = e.reply();
        if (reply == null) {
            return "did not answer (" + failure(e) + ")";
        }
        if (reply.getRcode() != Rcode.NOERROR) {
            return "answered " + Rcode.string(reply.getRcode());
        }
        if (reply.getOPT() == null) {
            return "answered without an OPT record";
        }
        return echoed.test(reply.getOPT()) ? "echoed " + what + " back" : null;
    }

    /**
     * ISC's EDNS compliance test "ednsopt": an unknown option must be ignored (RFC 6891 §6.1.2), so the reply is
     * the plain answer, without that option. FORMERR, silence or an echo each break clients that send new options.
     */
    private static void ednsOption(CutProbes cut, ServerProbes p, FindingCollector out) {
        Exchange e = p.get(Probe.SOA_EDNS_OPTION);
        if (e == null) {
            return;
        }
        String fault = ednsFault(e, opt -> !opt.getOptions(Checker.UNKNOWN_OPTION).isEmpty(), "the option");
        if (fault != null) {
            out.add(FindingCode.EDNS_UNKNOWN_OPTION_MISHANDLED, cut.zone(), p.server(), p.address(),
                    "got an EDNS query with an unknown option (code " + Checker.UNKNOWN_OPTION + ") and " + fault
                            + "; it must be ignored",
                    List.of(dig(e, cut.zone(), "+edns=0 +noednsneg +ednsopt=" + Checker.UNKNOWN_OPTION)),
                    delegators(cut));
        }
    }

    /**
     * ISC's test "ednsflags": an undefined EDNS flag must be ignored and cleared in the reply (RFC 6891 §6.1.4,
     * "MUST be set to zero by senders and MUST be ignored by receivers"; responders do not copy it back).
     */
    private static void ednsFlag(CutProbes cut, ServerProbes p, FindingCollector out) {
        Exchange e = p.get(Probe.SOA_EDNS_FLAG);
        if (e == null) {
            return;
        }
        String fault = ednsFault(e, opt -> (opt.getFlags() & Checker.UNKNOWN_FLAG) != 0, "the flag");
        if (fault != null) {
            out.add(FindingCode.EDNS_UNKNOWN_FLAG_MISHANDLED, cut.zone(), p.server(), p.address(),
                    "got an EDNS query with an undefined flag (0x" + Integer.toHexString(Checker.UNKNOWN_FLAG)
                            + ") and " + fault + "; it must be ignored",
                    List.of(dig(e, cut.zone(), "+edns=0 +noednsneg +ednsflags=0x"
                            + Integer.toHexString(Checker.UNKNOWN_FLAG))), delegators(cut));
        }
    }

    /**
     * ISC's test "do": DO=1 in the query must come back in the reply's OPT record (RFC 3225 §3). A server that clears
     * it, or fails queries with DO (DNSViz's DNSSEC_DOWNGRADE_DO_CLEARED), looks to validators as if it knew no DNSSEC.
     */
    private static void dnssecOk(CutProbes cut, ServerProbes p, FindingCollector out) {
        Exchange e = p.get(Probe.SOA_DO);
        if (e == null) {
            return;
        }
        String fault = ednsFault(e, opt -> false, "");
        if (fault == null && (e.reply().getOPT().getFlags() & ExtendedFlags.DO) == 0) {
            fault = "answered without DO";
        }
        if (fault != null) {
            out.add(FindingCode.EDNS_DO_MISHANDLED, cut.zone(), p.server(), p.address(),
                    "got an EDNS query with DO=1 and " + fault + "; DO must be copied into the reply",
                    List.of(dig(e, cut.zone(), "+dnssec +noednsneg")), delegators(cut));
        }
    }

    /**
     * RFC 3225 §3: RRSIG, NSEC and NSEC3 records only for a query with DO=1 (or one that asks for those types). Read
     * from the probes sent without DO: the SOA over UDP and TCP, and the NS set.
     */
    private static void securityRecordsWithoutDo(CutProbes cut, ServerProbes p, FindingCollector out) {
        for (Probe probe : List.of(Probe.SOA, Probe.SOA_TCP, Probe.NS)) {
            Exchange e = p.get(probe);
            Message reply = e == null ? null : e.reply();
            if (reply == null) {
                continue;
            }
            Set<String> types = new TreeSet<>();
            for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
                for (Record r : reply.getSection(section)) {
                    if (r.getType() == Type.RRSIG || r.getType() == Type.NSEC || r.getType() == Type.NSEC3) {
                        types.add(Type.string(r.getType()));
                    }
                }
            }
            if (!types.isEmpty()) {
                String type = Type.string(e.qtype());
                out.add(FindingCode.DNSSEC_RECORDS_WITHOUT_DO, cut.zone(), p.server(), p.address(),
                        "added " + String.join(", ", types) + " records to its reply to a " + type + " query without "
                                + "DO", List.of(dig(e, cut.zone(), type, (probe == Probe.SOA_TCP ? "+tcp " : "")
                                + "+edns=0 +nodnssec +noednsneg")), delegators(cut));
                return; // one finding per address: the other probes only repeat it
            }
        }
    }

    /**
     * ISC's test "ednstcp": EDNS applies over TCP too (RFC 6891). A FORMERR or a reply without OPT, or silence where
     * the same question without EDNS is answered over TCP (a middlebox dropping EDNS on the TCP port).
     */
    private static void ednsOverTcp(CutProbes cut, ServerProbes p, FindingCollector out) {
        Exchange e = p.get(Probe.SOA_TCP);
        Exchange plain = p.get(Probe.SOA_TCP_PLAIN);
        if (e == null) {
            return;
        }
        Message reply = e.reply();
        String fault;
        if (reply == null) {
            fault = plain != null && plain.answered() ? "did not answer (" + failure(e) + "), while the same query "
                    + "without EDNS was answered over TCP" : null;
        } else if (reply.getRcode() == Rcode.FORMERR || reply.getRcode() == Rcode.NOTIMP) {
            fault = "answered " + Rcode.string(reply.getRcode());
        } else if (reply.getOPT() == null) {
            fault = "answered without an OPT record";
        } else {
            fault = null;
        }
        if (fault != null) {
            out.add(FindingCode.EDNS_OVER_TCP_MISHANDLED, cut.zone(), p.server(), p.address(),
                    "got an EDNS query over TCP and " + fault + "; over UDP it answers EDNS",
                    List.of(dig(e, cut.zone(), "+tcp +edns=0 +noednsneg")), delegators(cut));
        }
    }

    /**
     * ISC's test "edns512": DNSKEY with DO=1 and a 512-octet buffer. A reply that does not fit must come with TC=1
     * (then TCP, judged with the TCP probes); a larger reply sent whole is lost by clients and paths that keep to 512
     * octets, and silence leaves them waiting. Only judged when the same server answers queries with DO=1.
     */
    private static void smallBuffer(CutProbes cut, ServerProbes p, FindingCollector out) {
        Exchange e = p.get(Probe.BUFFER_512);
        Message withDo = reply(p, Probe.SOA_DO);
        if (e == null || withDo == null || withDo.getRcode() != Rcode.NOERROR) {
            return;
        }
        String fault = null;
        if (e.reply() == null) {
            fault = "did not answer (" + failure(e) + ")";
        } else if (!e.reply().getHeader().getFlag(Flags.TC) && e.replyOctets().length > Checker.SMALL_BUFFER) {
            fault = "sent " + e.replyOctets().length + " octets without TC=1";
        }
        if (fault != null) {
            out.add(FindingCode.EDNS_SMALL_BUFFER_MISHANDLED, cut.zone(), p.server(), p.address(),
                    "got a DNSKEY query with DO=1 and a " + Checker.SMALL_BUFFER + "-octet buffer and " + fault
                            + "; a reply that does not fit must be truncated (TC=1)",
                    List.of(dig(e, cut.zone(), "DNSKEY", "+dnssec +bufsize=" + Checker.SMALL_BUFFER
                            + " +noednsneg +ignore")), delegators(cut));
        }
    }

    /**
     * Zonemaster's NAMESERVER13: a truncated reply to a query with EDNS must still carry an OPT record (RFC 6891 §7),
     * or the client cannot tell a truncating EDNS server from one without EDNS. Judged on every probe sent over UDP
     * with an OPT record whose reply came back with TC=1 (BUFFER_512 is the one that truncates), as the query went
     * out; only for a server whose plain EDNS reply has an OPT record (else EDNS_NOT_SUPPORTED says it all). One
     * finding per address, naming each question that showed it.
     */
    private static void truncatedWithoutOpt(CutProbes cut, ServerProbes p, FindingCollector out) {
        List<String> questions = new ArrayList<>();
        List<String> digs = new ArrayList<>();
        for (Exchange e : p.exchanges().values()) {
            Message reply = e.reply();
            Attempt attempt = e.replyAttempt();
            if (reply == null || attempt == null || attempt.protocol() != Protocol.UDP
                    || !reply.getHeader().getFlag(Flags.TC) || reply.getOPT() != null) {
                continue;
            }
            Message sent = attempt.sent();
            OPTRecord opt = sent == null ? null : sent.getOPT();
            if (opt == null) {
                continue; // a query without EDNS wants no OPT back
            }
            String type = Type.string(e.qtype());
            String question = e.qname() + " " + type;
            if (questions.contains(question)) {
                continue;
            }
            questions.add(question);
            boolean dnssecOk = (opt.getFlags() & ExtendedFlags.DO) != 0;
            digs.add(dig(e, e.qname(), type, (dnssecOk ? "+dnssec " : "") + "+bufsize=" + opt.getPayloadSize()
                    + " +noednsneg +ignore"));
        }
        if (!questions.isEmpty()) {
            java.util.Collections.sort(questions);
            java.util.Collections.sort(digs);
            out.add(FindingCode.TRUNCATED_REPLY_WITHOUT_OPT, cut.zone(), p.server(), p.address(),
                    "truncated its reply (TC=1) to an EDNS query for " + String.join(", ", questions)
                            + " and left out the OPT record; RFC 6891 §7 wants it in a truncated reply too",
                    digs, delegators(cut));
        }
    }

    /** ISC's test "opcode": a query of an opcode the server does not know gets NOTIMP (RFC 1035 §4.1.1). */
    private static void unknownOpcode(CutProbes cut, ServerProbes p, FindingCollector out) {
        Exchange e = p.get(Probe.UNKNOWN_OPCODE);
        if (e == null) {
            return;
        }
        Message reply = e.reply();
        if (reply != null && reply.getRcode() == Rcode.NOTIMP) {
            return;
        }
        String got = reply == null ? "no reply (" + failure(e) + ")" : Rcode.string(reply.getRcode());
        out.add(FindingCode.UNKNOWN_OPCODE_NOT_NOTIMP, cut.zone(), p.server(), p.address(),
                "answered a query of opcode " + Checker.UNKNOWN_OPCODE + " with " + got + " instead of NOTIMP",
                List.of(dig(e, cut.zone(), "+noedns +opcode=" + Checker.UNKNOWN_OPCODE)), delegators(cut));
    }

    /**
     * A name with A records must answer AAAA and an unknown type NOERROR (NODATA): an NXDOMAIN denies the whole name
     * to resolvers (RFC 8020), silence makes them wait (Zonemaster NAMESERVER05 for AAAA). Asked of an in-bailiwick
     * name server about its own name, which the A probe showed to exist.
     */
    private static void typesOfAName(CutProbes cut, FindingCollector out) {
        for (ServerProbes p : cut.children()) {
            Name own = nameOf(p.server());
            Message a = reply(p, Probe.ADDRESS_A);
            if (own == null || a == null || a.getRcode() != Rcode.NOERROR || !a.getHeader().getFlag(Flags.AA)
                    || a.getSection(Section.ANSWER).stream().noneMatch(r -> r instanceof ARecord
                            && r.getName().equals(own))) {
                continue;
            }
            typeOfAName(cut, p, own, Probe.ADDRESS_AAAA, "AAAA", FindingCode.AAAA_QUERY_MISHANDLED, out);
            typeOfAName(cut, p, own, Probe.UNKNOWN_TYPE, "TYPE" + Checker.UNKNOWN_TYPE,
                    FindingCode.UNKNOWN_TYPE_MISHANDLED, out);
        }
    }

    private static void typeOfAName(CutProbes cut, ServerProbes p, Name own, Probe probe, String type,
            FindingCode code, FindingCollector out) {
        Exchange e = p.get(probe);
        if (e == null || (e.reply() != null && e.reply().getRcode() == Rcode.NOERROR)) {
            return;
        }
        String got = e.reply() == null ? "did not answer (" + failure(e) + ")"
                : "answered " + Rcode.string(e.reply().getRcode());
        out.add(code, cut.zone(), p.server(), p.address(), "asked " + type + " of " + ServerText.name(own)
                        + ", which has A records, it " + got + " instead of NOERROR (no data)",
                List.of(dig(e, own, type, "+edns=0")), delegators(cut));
    }

    /**
     * Zonemaster's NAMESERVER15: the software version a server gives for {@code version.bind} CH TXT helps an
     * attacker pick exploits. A notice with the string: many operators leave BIND's default on knowingly.
     */
    private static void version(CutProbes cut, ServerProbes p, FindingCollector out) {
        Exchange e = p.get(Probe.VERSION_BIND);
        Message reply = e == null ? null : e.reply();
        if (reply == null || reply.getRcode() != Rcode.NOERROR) {
            return;
        }
        List<String> strings = new ArrayList<>();
        for (Record r : reply.getSection(Section.ANSWER)) {
            if (r instanceof TXTRecord txt) {
                txt.getStrings().stream().filter(t -> !t.isBlank()).forEach(strings::add);
            }
        }
        if (!strings.isEmpty()) {
            out.add(FindingCode.SOFTWARE_VERSION_DISCLOSED, cut.zone(), p.server(), p.address(),
                    "gives its software version for version.bind CH TXT: \"" + String.join(" ", strings) + "\"",
                    List.of(dig(e, Checker.VERSION_BIND, "CH TXT", "+edns=0")), delegators(cut));
        }
    }

    /**
     * Resolvers that use the letter case of the question as extra entropy (0x20, Unbound's use-caps-for-id) drop a
     * reply whose question is not spelled as sent (Zonemaster NAMESERVER08).
     */
    private static void qnameCase(CutProbes cut, ServerProbes p, FindingCollector out) {
        Exchange e = p.get(Probe.QNAME_CASE);
        Message reply = e == null ? null : e.reply();
        Record question = reply == null ? null : reply.getQuestion();
        if (question == null || question.getName().toString().equals(e.qname().toString())
                || e.qname().toString().equals(e.qname().toString().toLowerCase(java.util.Locale.ROOT))) {
            return;
        }
        out.add(FindingCode.QNAME_CASE_NOT_PRESERVED, cut.zone(), p.server(), p.address(),
                "was asked " + e.qname() + " and answered for " + question.getName()
                        + ": the question's letter case is not kept (0x20)",
                List.of(dig(e, e.qname(), "SOA", "+edns=0")), delegators(cut));
    }

    /** A dig command line that repeats a probe, for the user to paste. */
    static String dig(Exchange e, Name zone, String options) {
        return dig(e, zone, "SOA", options);
    }

    static String dig(Exchange e, Name name, String type, String options) {
        int port = e.server().port();
        return "dig @" + IpAddresses.format(e.server().address()) + (port == 53 ? "" : " -p " + port)
                + " " + name + " " + type + " +norec " + options;
    }

    /** Why an exchange got no reply, e.g. "unreachable: Connection refused", "timeout". */
    private static String failure(Exchange e) {
        String result = e.lastResult().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String error = e.attempts().isEmpty() ? null : e.attempts().get(e.attempts().size() - 1).error();
        return error == null ? result : result + ": " + error;
    }

    /** The parent servers whose referrals named the child servers. */
    private static List<String> delegators(CutProbes cut) {
        return cut.parents().stream().map(ServerProbes::server).distinct().toList();
    }

    /** RFC 1982 serial number arithmetic: true when {@code a} is newer than {@code b}. */
    static boolean newer(long a, long b) {
        long diff = (a - b) & 0xFFFFFFFFL;
        return diff != 0 && diff < 0x80000000L;
    }

    private static Message reply(ServerProbes p, Probe probe) {
        Exchange e = p.get(probe);
        return e == null ? null : e.reply();
    }

    private static Name nameOf(String server) {
        try {
            return Name.fromString(server, Name.root);
        } catch (org.xbill.DNS.TextParseException e) {
            return null;
        }
    }

    private static String addresses(java.util.Collection<InetAddress> list) {
        return String.join(", ", list.stream().map(IpAddresses::format).toList());
    }
}
