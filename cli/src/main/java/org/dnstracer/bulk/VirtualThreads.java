package org.dnstracer.bulk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads (JDK 21+) when the running JVM has them; the bytecode is Java 17, so they are reached through
 * method handles. A bulk run parks one thread per name in flight on each reply it waits for: hundreds of names, a
 * few hundred thousand waits a second. Parking and waking a platform thread is a trip through the kernel's
 * scheduler (a sixth of a bulk run's CPU in a profile); a virtual thread's is a continuation switch on a carrier.
 */
final class VirtualThreads {
    private VirtualThreads() {}

    /** A factory of virtual threads named {@code prefix} and a counter from 1, or empty before JDK 21. */
    static Optional<ThreadFactory> factory(String prefix) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Object virtual = lookup.findStatic(Thread.class, "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual"))).invoke();
            MethodHandle name = lookup.findVirtual(builder, "name",
                    MethodType.methodType(builder, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            return Optional.of((ThreadFactory) factory.invoke(name.invoke(virtual, prefix, 1L)));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return Optional.empty();
        } catch (Throwable e) {
            throw new IllegalStateException("virtual threads are there but could not be made", e);
        }
    }
}
