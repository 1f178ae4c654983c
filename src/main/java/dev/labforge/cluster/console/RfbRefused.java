package dev.labforge.cluster.console;

/** One side of a shared VNC screen broke what LabForge can relay: the close that says so. */
final class RfbRefused extends RuntimeException {

    private final transient ConsoleClose close;

    RfbRefused(ConsoleClose close, String detail) {
        super(detail, null, false, false);
        this.close = close;
    }

    ConsoleClose close() {
        return close;
    }
}
