package dev.labforge.diagram;

/** The box around everything drawn, from which the view box is cut. */
final class Extent {

    private double minX = Double.MAX_VALUE;
    private double minY = Double.MAX_VALUE;
    private double maxX = -Double.MAX_VALUE;
    private double maxY = -Double.MAX_VALUE;

    static Extent of(Scene scene) {
        Extent extent = new Extent();
        for (Card card : scene.cards()) {
            extent.include(card.center(), card.halfWidth(), card.halfHeight());
        }
        for (Route route : scene.routes()) {
            route.points().forEach(p -> extent.include(p, 1, 1));
            route.tags().forEach(t -> extent.include(t.center(), t.width() / 2, t.height() / 2));
            route.captions().forEach(c -> extent.include(c.center(), c.width() / 2, c.height() / 2));
        }
        return extent;
    }

    void include(Vec center, double halfWidth, double halfHeight) {
        minX = Math.min(minX, center.x() - halfWidth);
        maxX = Math.max(maxX, center.x() + halfWidth);
        minY = Math.min(minY, center.y() - halfHeight);
        maxY = Math.max(maxY, center.y() + halfHeight);
    }

    double minX() {
        return minX;
    }

    double minY() {
        return minY;
    }

    double width() {
        return maxX - minX;
    }

    double height() {
        return maxY - minY;
    }
}
