package org.dnstracer.report;

/**
 * The horizontal strip of one zone depth.
 *
 * @param depth the number of labels of its zones
 * @param label the zones whose servers sit in it
 * @param top its top edge
 * @param bottom its bottom edge
 */
public record Band(int depth, String label, double top, double bottom) {}
