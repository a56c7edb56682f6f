package org.dnstracer.report;

/** Where the layout put a node: its top-left corner and size, in SVG user units. */
public record NodeBox(double x, double y, double width, double height) {}
