package dev.labforge.topology;

/** A point on the lab diagram, in diagram units (the SVG view box). */
public record Position(double x, double y) {
}
