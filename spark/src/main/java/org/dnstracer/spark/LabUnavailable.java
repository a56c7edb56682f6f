package org.dnstracer.spark;

import java.util.Optional;

/**
 * An executor JVM that cannot start its own copy of the lab ({@code --lab}): the lab listens on many addresses of
 * 127.0.0.0/8 (and ::1), which Linux serves without setup but other systems (macOS: only 127.0.0.1) and network
 * namespaces with a bare loopback do not. It fails the task (Spark retries it, then fails the job); the driver
 * finds it in the job's failure and prints this message alone, not Spark's stage-failure text.
 */
public final class LabUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param executor the executor's id as Spark names it ("driver" in local mode), or null outside Spark
     * @param cause why the lab could not bind, naming the address and port
     */
    LabUnavailable(String executor, Exception cause) {
        super((executor == null ? "this JVM" : "executor " + executor) + " cannot start the lab (--lab): "
                + cause.getMessage() + "; --lab needs every executor to bind the lab's loopback addresses "
                + "(any 127.0.0.0/8 address on Linux); trace real servers or a lab served elsewhere instead "
                + "(--root-hints, -p)", cause);
    }

    /** The first {@link LabUnavailable} in the chain of causes of {@code failure} (a job's failure), if any. */
    static Optional<LabUnavailable> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LabUnavailable lab) {
                return Optional.of(lab);
            }
        }
        return Optional.empty();
    }
}
