package org.dnstracer.replay;

/**
 * Which step of a run asked a question. Each step is answered from its own exchanges on replay, so a question that
 * two steps both asked (a DNSKEY trace and the DNSKEY fetch of {@code -D}) gets each step its own reply.
 */
public enum Phase {
    /** Looking up the start server given as a name ({@code -s NAME}). */
    START,
    /** The trace itself. */
    TRACE,
    /** The {@code --check} and {@code --axfr} probes. */
    CHECK,
    /** The DNSKEY queries of {@code -D}. */
    DNSSEC;
}
