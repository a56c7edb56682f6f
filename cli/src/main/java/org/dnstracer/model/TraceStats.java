package org.dnstracer.model;

/**
 * Counters of one run.
 *
 * @param queries exchanges actually started (each distinct question to each server once, unless -c)
 * @param elapsedMillis wall time of the whole trace
 */
public record TraceStats(int queries, long elapsedMillis) {}
