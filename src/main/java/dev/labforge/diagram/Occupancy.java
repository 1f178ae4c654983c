package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rectangles already on the page, bucketed in a coarse grid so that asking whether a spot is free looks
 * at a few neighbours instead of every label of a thousand-link lab.
 */
final class Occupancy {

    private static final double CELL = 96;
    /** Space kept between rectangles, so that rounding coordinates to a tenth cannot make them overlap. */
    private static final double CLEARANCE = 0.5;

    private final Map<Long, List<double[]>> cells = new HashMap<>();

    void add(Vec center, double halfWidth, double halfHeight) {
        double[] box = box(center, halfWidth, halfHeight);
        forEachCell(box, key -> cells.computeIfAbsent(key, k -> new ArrayList<>()).add(box));
    }

    boolean isFree(Vec center, double halfWidth, double halfHeight) {
        double[] box = box(center, halfWidth, halfHeight);
        boolean[] free = {true};
        forEachCell(box, key -> {
            for (double[] other : cells.getOrDefault(key, List.of())) {
                if (box[0] < other[2] + CLEARANCE && other[0] < box[2] + CLEARANCE
                        && box[1] < other[3] + CLEARANCE && other[1] < box[3] + CLEARANCE) {
                    free[0] = false;
                }
            }
        });
        return free[0];
    }

    /** Left, top, right, bottom. */
    private static double[] box(Vec center, double halfWidth, double halfHeight) {
        return new double[] {
            center.x() - halfWidth, center.y() - halfHeight, center.x() + halfWidth, center.y() + halfHeight};
    }

    private static void forEachCell(double[] box, java.util.function.LongConsumer action) {
        long x0 = (long) Math.floor(box[0] / CELL);
        long x1 = (long) Math.floor(box[2] / CELL);
        long y0 = (long) Math.floor(box[1] / CELL);
        long y1 = (long) Math.floor(box[3] / CELL);
        for (long cx = x0; cx <= x1; cx++) {
            for (long cy = y0; cy <= y1; cy++) {
                action.accept(cx * 1_000_003L + cy);
            }
        }
    }
}
