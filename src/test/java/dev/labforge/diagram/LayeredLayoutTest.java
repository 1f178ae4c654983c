package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {

    private static final double HALF_WIDTH = 60;

    @Test
    void putsTheBestLinkedTierOnTopAndTheRestBelow() {
        // two spines (0, 1), three leaves (2, 3, 4), every leaf on both spines
        Edge[] edges = edges(0, 2, 0, 3, 0, 4, 1, 2, 1, 3, 1, 4);
        double[] x = new double[5];
        double[] y = new double[5];

        assertThat(LayeredLayout.place(x, y, halfWidths(5), edges)).isTrue();

        assertThat(y[0]).isEqualTo(y[1]);
        assertThat(y[2]).isEqualTo(y[3]).isEqualTo(y[4]).isGreaterThan(y[0]);
        assertThat(Arrays.stream(x).distinct().count()).isEqualTo(5);
    }

    @Test
    void leavesAStarToTheForceLayout() {
        assertThat(LayeredLayout.place(new double[4], new double[4], halfWidths(4), edges(0, 1, 0, 2, 0, 3)))
                .isFalse();
    }

    @Test
    void leavesARingToTheForceLayout() {
        assertThat(LayeredLayout.place(new double[4], new double[4], halfWidths(4), edges(0, 1, 1, 2, 2, 3, 3, 0)))
                .isFalse();
    }

    @Test
    void leavesLabsWithLinksWithinATierToTheForceLayout() {
        // spine-leaf plus a link between the two spines
        Edge[] edges = edges(0, 2, 0, 3, 1, 2, 1, 3, 0, 1);

        assertThat(LayeredLayout.place(new double[4], new double[4], halfWidths(4), edges)).isFalse();
    }

    @Test
    void ordersRowsSoThatLinksDoNotCrossNeedlessly() {
        // spines 0 and 1; leaves 2 and 3 hang off spine 1 only, leaves 4 and 5 off spine 0 only, leaf 6 off both
        Edge[] edges = edges(1, 2, 1, 3, 0, 4, 0, 5, 0, 6, 1, 6);
        double[] x = new double[7];
        double[] y = new double[7];

        assertThat(LayeredLayout.place(x, y, halfWidths(7), edges)).isTrue();

        assertThat(Crossings.count(x, y, edges)).isZero();
    }

    private static double[] halfWidths(int n) {
        double[] halfWidths = new double[n];
        Arrays.fill(halfWidths, HALF_WIDTH);
        return halfWidths;
    }

    private static Edge[] edges(int... pairs) {
        Edge[] edges = new Edge[pairs.length / 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = new Edge(pairs[2 * i], pairs[2 * i + 1], 0, 0, 0);
        }
        return edges;
    }
}
