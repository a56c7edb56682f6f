package org.dnstracer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dnstracer.lab.Lab;
import org.dnstracer.lab.LabDefinition;

/** {@code --lab-serve}: serve a lab until interrupted (or for {@code --lab-for} seconds) so other tools can use it. */
final class LabServe {
    private LabServe() {}

    /** @param dnssec sign the zones the lab's sign lines name, and print the trust anchor to validate them from */
    static int run(LabDefinition definition, int port, Duration serveFor, boolean dnssec, PrintWriter out)
            throws Exception {
        try (Lab lab = Lab.start(definition, port, dnssec)) {
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "dnstracer-lab-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println(lab.serverTable());
            for (org.xbill.DNS.Record anchor : lab.trustAnchors()) {
                out.println("Trust anchor: " + anchor);
            }
            out.println("Serving on port " + lab.port() + (serveFor == null ? " until interrupted" : " for " + Seconds.format(serveFor) + " s")
                    + "; try: dig @" + firstAddress(lab) + " -p " + lab.port() + " www.example.com +norecurse");
            out.flush();
            if (serveFor == null) {
                stop.await();
            } else {
                stop.await(serveFor.toNanos(), TimeUnit.NANOSECONDS);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook has run
            }
        }
        return 0;
    }

    private static String firstAddress(Lab lab) {
        return org.dnstracer.net.IpAddresses.format(lab.servers().get(0).addresses().get(0));
    }
}
