package org.dnstracer.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dnstracer.model.Status;
import org.dnstracer.model.Trace;
import org.dnstracer.net.ReplyMatcher;
import org.dnstracer.testkit.FakeNetwork;
import org.dnstracer.testkit.FuzzChoices;
import org.dnstracer.testkit.RenderEverything;
import org.junit.jupiter.api.Test;

/**
 * The hand-made seeds still mean what they are named for: if the fuzz tests' input layout changes, seeds that
 * no longer reach classification or a trace's depths would make the regression runs test nothing.
 */
class FuzzSeedsTest {
    @Test
    void everyWellFormedDatagramSeedIsAcceptedAsAReply() {
        Map<String, byte[]> seeds = HostileDatagramSeeds.seeds();
        seeds.forEach((name, seed) -> {
            if (name.equals("compression-loop") || name.equals("empty")) {
                return;
            }
            var question = HostileDatagramFuzzTest.QUESTIONS.get(seed[0] & 7);
            byte[] datagram = java.util.Arrays.copyOfRange(seed, 1, seed.length);
            ReplyMatcher.Verdict verdict = ReplyMatcher.judge(HostileDatagramFuzzTest.query(question), datagram);
            assertThat(verdict.accepted()).as("seed %s: %s", name, verdict.reason()).isTrue();
        });
        byte[] loop = seeds.get("compression-loop");
        assertThat(ReplyMatcher.judge(HostileDatagramFuzzTest.query(HostileDatagramFuzzTest.QUESTIONS.get(0)),
                java.util.Arrays.copyOfRange(loop, 1, loop.length)).unparseable()).isTrue();
    }

    @Test
    void theHealthyNetworkSeedEndsInAuthoritativeAnswersTwoLevelsDown() {
        Trace trace = run("healthy");
        assertThat(trace.anyAuthoritative()).isTrue();
        assertThat(trace.sections().get(0).root().children().get(0).children())
                .extracting(n -> n.status()).containsOnly(Status.AUTHORITATIVE_ANSWER);
    }

    @Test
    void theGluelessSeedFindsTheNameServersAddressByALookUp() {
        assertThat(RenderEverything.render(run("glueless")))
                .contains("ns.other.test [example.com] (127.0.2.1) Got authoritative answer");
    }

    @Test
    void theCnameSeedsTraceTheTargetAndFindTheLoops() {
        Trace chain = run("cname-chain-and-loop");
        assertThat(chain.sections()).hasSize(2);
        assertThat(org.dnstracer.findings.Findings.of(chain))
                .anyMatch(f -> f.code() == org.dnstracer.findings.FindingCode.CNAME_LOOP
                        && "ns2.example.com".equals(f.server()));
        assertThat(org.dnstracer.findings.Findings.of(run("cname-self-loop")))
                .anyMatch(f -> f.code() == org.dnstracer.findings.FindingCode.CNAME_LOOP);
    }

    @Test
    void theWideReferralSeedMeetsTheNameServerBound() {
        assertThat(run("forty-name-servers-half-glued").warnings())
                .anyMatch(w -> w.contains("names more than 8 name servers"));
    }

    private static Trace run(String seed) {
        FuzzChoices choices = new FuzzChoices(HostileNetworkSeeds.seeds().get(seed));
        TraceRequest request = HostileNetworkFuzzTest.request(choices);
        try (FakeNetwork net = FuzzedNetwork.read(choices, request.question(), request.tries())) {
            return new Tracer(net).run(request, TraceListener.NONE);
        }
    }
}
