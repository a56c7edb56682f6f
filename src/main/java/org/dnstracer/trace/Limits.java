package org.dnstracer.trace;

/**
 * Bounds of one run, so that no zone data can make a trace run away.
 *
 * @param maxDepth deepest delegation level followed (the start server is level 0)
 * @param maxQueries exchanges started in the whole run, address lookups included
 * @param maxCnameChain CNAME targets followed one after the other
 */
public record Limits(int maxDepth, int maxQueries, int maxCnameChain) {
    public static Limits defaults() {
        return new Limits(32, 3000, 8);
    }
}
