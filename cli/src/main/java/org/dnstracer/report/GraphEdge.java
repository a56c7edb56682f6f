package org.dnstracer.report;

/**
 * A referral from one server address to one it named.
 *
 * @param from the referring node's id
 * @param to the named node's id
 * @param reference true when no line behind it asked the server anew (cached or a loop): drawn lighter
 */
public record GraphEdge(String from, String to, boolean reference) {}
