package dev.labforge.diagram;

/**
 * Two linked nodes, as the layout sees them: one edge however many links the pair has.
 *
 * @param pillA the width of the widest interface pill at node {@code a}'s end, which the link must make room for
 * @param pillB the same at node {@code b}'s end
 * @param caption the width of the widest MTU caption, which runs along the link between the pills; 0 if none
 */
record Edge(int a, int b, double pillA, double pillB, double caption) {
}
