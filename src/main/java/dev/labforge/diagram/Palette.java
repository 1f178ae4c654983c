package dev.labforge.diagram;

/** The diagram's colours, in one place so that its parts stay in tune (Tailwind's slate and blue). */
final class Palette {

    static final String PAPER = "#f8fafc";
    static final String DOTS = "#dfe5ee";
    static final String INK = "#0f172a";
    static final String TEXT = "#334155";
    static final String MUTED = "#64748b";
    static final String FAINT = "#94a3b8";
    static final String CARD = "#ffffff";
    static final String CARD_EDGE = "#cbd5e1";
    static final String CABLE = "#7b8797";
    static final String ROUTER_TOP = "#3b82f6";
    static final String ROUTER_BOTTOM = "#1d4ed8";
    static final String SWITCH_TOP = "#14b8a6";
    static final String SWITCH_BOTTOM = "#0f766e";
    static final String HOST_TOP = "#64748b";
    static final String HOST_BOTTOM = "#334155";
    static final String WARNING = "#dc2626";

    private Palette() {
    }
}
