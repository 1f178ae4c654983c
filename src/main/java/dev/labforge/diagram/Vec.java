package dev.labforge.diagram;

/** A point or direction in diagram units; y grows downwards as in SVG. */
record Vec(double x, double y) {

    static final Vec ZERO = new Vec(0, 0);

    /** StrictMath so that the same angle gives the same bits on every JVM, which keeps output byte-identical. */
    static Vec polar(double radians, double length) {
        return new Vec(StrictMath.cos(radians) * length, StrictMath.sin(radians) * length);
    }

    Vec plus(Vec other) {
        return new Vec(x + other.x, y + other.y);
    }

    Vec minus(Vec other) {
        return new Vec(x - other.x, y - other.y);
    }

    Vec times(double factor) {
        return new Vec(x * factor, y * factor);
    }

    double dot(Vec other) {
        return x * other.x + y * other.y;
    }

    double length() {
        return Math.sqrt(x * x + y * y);
    }

    /** Coincident nodes have no direction between them; pointing right keeps the drawing defined. */
    Vec unit() {
        double length = length();
        return length < 1e-9 ? new Vec(1, 0) : new Vec(x / length, y / length);
    }

    /** The direction a quarter turn from this one (clockwise on screen). */
    Vec normal() {
        return new Vec(-y, x);
    }

    static Vec between(Vec a, Vec b, double t) {
        return new Vec(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    }
}
