package org.dnstracer.findings;

import java.util.List;
import org.dnstracer.model.TraceNode;
import org.dnstracer.model.Verdict;
import org.dnstracer.net.Attempt;
import org.dnstracer.net.Exchange;
import org.dnstracer.net.Protocol;

/** What each server did, read off its line in the tree: lame, upward referral, errors, silence. */
final class ServerFindings {
    private ServerFindings() {}

    static void find(List<TreeWalk> walk, Delegators delegators, FindingCollector out) {
        for (TreeWalk w : walk) {
            TraceNode node = w.node();
            Verdict v = node.verdict();
            String zone = ServerText.zone(node.zone());
            FindingCode code = null;
            String message = null;
            switch (v.status()) {
                case LAME -> {
                    if (v.lameReason() == null) {
                        break;
                    }
                    switch (v.lameReason()) {
                        case REFUSED -> {
                            code = FindingCode.LAME_REFUSED;
                            message = "answered REFUSED for " + zone;
                        }
                        case SERVFAIL -> {
                            code = FindingCode.LAME_SERVFAIL;
                            message = "answered SERVFAIL for " + zone;
                        }
                        case NOTAUTH -> {
                            code = FindingCode.LAME_NOTAUTH;
                            message = "answered NOTAUTH for " + zone;
                        }
                        case NOT_AUTHORITATIVE -> {
                            code = FindingCode.LAME_NOT_AUTHORITATIVE;
                            message = "replied without the AA bit for " + zone;
                        }
                        case SAME_ZONE_REFERRAL -> {
                            code = FindingCode.LAME_SAME_ZONE_REFERRAL;
                            message = "referred back to " + zone + " itself";
                        }
                        case UNRELATED_REFERRAL -> {
                            code = FindingCode.LAME_UNRELATED_REFERRAL;
                            message = "referred to the unrelated zone " + ServerText.zone(v.referralZone())
                                    + " instead of answering for " + zone;
                        }
                        default -> { }
                    }
                }
                case UPWARD_REFERRAL -> {
                    code = FindingCode.UPWARD_REFERRAL;
                    message = "referred upwards to " + ServerText.zone(v.referralZone())
                            + (node.zone() == null ? "" : " instead of answering for " + zone);
                }
                case SERVER_ERROR -> {
                    if (v.viaResolver()) {
                        break; // a start resolver that refuses RD=0 queries is policy, and was asked with RD=1
                    }
                    code = FindingCode.SERVER_ERROR;
                    message = "answered " + (v.detail() == null ? "an error" : v.detail())
                            + (node.zone() == null ? "" : " for " + zone);
                }
                case TIMEOUT -> {
                    Exchange ex = node.exchange();
                    if (ex == null || ex.skipped() || ex.attempts().isEmpty()) {
                        break; // not asked this time (-C): the first failure is reported where it happened
                    }
                    boolean tcp = ex.attempts().stream().allMatch(a -> a.protocol() == Protocol.TCP);
                    code = tcp ? FindingCode.UNRESPONSIVE_TCP : FindingCode.UNRESPONSIVE_UDP;
                    message = "no reply over " + (tcp ? "TCP" : "UDP") + " to " + tries(ex.attempts());
                }
                case UNREACHABLE -> {
                    code = FindingCode.UNREACHABLE;
                    message = "unreachable" + (v.detail() == null ? "" : ": " + v.detail());
                }
                case MALFORMED -> {
                    code = FindingCode.MALFORMED_REPLY;
                    message = "malformed reply" + (v.detail() == null ? "" : ": " + v.detail());
                }
                case NO_ADDRESS -> {
                    code = FindingCode.NS_NO_ADDRESS;
                    message = "has no address" + (v.detail() == null ? "" : " (" + v.detail() + ")");
                }
                default -> { } // answers, referrals, repeats, bounds, and any status this analysis does not know
            }
            Exchange exchange = node.exchange();
            if ((code == null || code == FindingCode.SERVER_ERROR) && exchange != null
                    && exchange.tcpFailure() != null) {
                // truncated over UDP and TCP failed: the empty reply is the TCP fault's symptom, not a server error
                code = FindingCode.UNRESPONSIVE_TCP;
                message = "truncated its UDP reply (TC=1) and gave none over TCP (" + exchange.tcpFailure()
                        + ")";
            }
            if (code != null) {
                out.add(code, node.zone(), node.server(), node.address(), message, List.of(), delegators.of(node));
            }
        }
    }

    private static String tries(List<Attempt> attempts) {
        // a hedged try sent two queries: each is one of -r's tries
        int queries = attempts.stream().mapToInt(Attempt::queries).sum();
        return queries == 1 ? "1 try" : queries + " tries";
    }
}
