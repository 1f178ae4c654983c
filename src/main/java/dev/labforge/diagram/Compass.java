package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the emptiest direction around a node for something that has no far end to point at: a loop or a
 * stub. Directions already taken count against a candidate, the more the closer they are: links to
 * neighbours fully, earlier picks less, because a second loop can nest around the first but cannot get out
 * of a link's way. Ties go to the earlier candidate, so the choice is stable.
 */
final class Compass {

    static final Vec UP = new Vec(0, -1);
    static final Vec DOWN = new Vec(0, 1);
    static final Vec RIGHT = new Vec(1, 0);
    static final Vec LEFT = new Vec(-1, 0);
    /** Boxes are wide and short, so loops sit best above or below them. */
    static final List<Vec> AXES = List.of(UP, DOWN, RIGHT, LEFT);
    static final List<Vec> EIGHT = List.of(RIGHT, LEFT, UP, DOWN,
            new Vec(1, -1).unit(), new Vec(1, 1).unit(), new Vec(-1, 1).unit(), new Vec(-1, -1).unit());

    /** What an earlier pick counts for, against a link's 1. */
    private static final double PICK_WEIGHT = 0.3;

    private final List<Vec> taken;
    private final List<Vec> picked = new ArrayList<>();

    Compass(List<Vec> taken) {
        this.taken = new ArrayList<>(taken);
    }

    /** The best of the candidates, which from now on counts as taken. */
    Vec pick(List<Vec> candidates) {
        Vec best = candidates.get(0);
        double bestScore = Double.MAX_VALUE;
        for (Vec candidate : candidates) {
            double score = 0;
            for (Vec t : taken) {
                score += closeness(candidate, t);
            }
            for (Vec p : picked) {
                score += PICK_WEIGHT * closeness(candidate, p);
            }
            if (score < bestScore - 1e-9) {
                best = candidate;
                bestScore = score;
            }
        }
        picked.add(best);
        return best;
    }

    /** 1 for the same direction, falling steeply to 0 at a right angle and beyond. */
    private static double closeness(Vec a, Vec b) {
        double cos = Math.max(0, a.dot(b));
        return cos * cos * cos;
    }

    /** How many times a direction has been picked so far. */
    int picks(Vec direction) {
        int count = 0;
        for (Vec p : picked) {
            count += p.equals(direction) ? 1 : 0;
        }
        return count;
    }
}
