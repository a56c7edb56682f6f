package org.dnstracer.bulk;

import java.util.concurrent.ThreadFactory;

/** Run in a child JVM by {@link VirtualThreadsTest}: says what kind of thread the bulk workers' factory makes. */
public final class VirtualThreadsProbe {
    private VirtualThreadsProbe() {}

    public static void main(String[] args) throws Exception {
        System.out.println(VirtualThreadsTest.describe(VirtualThreads.factory("dnstracer-bulk-")));
    }

    static String describe(ThreadFactory factory) throws Exception {
        Thread t = factory.newThread(() -> {});
        return Thread.class.getMethod("isVirtual").invoke(t) + " " + t.getName();
    }
}
