package dev.labforge.cluster;

import java.util.UUID;

/** Someone asked a lab or node to start, stop, restart or go away; published after commit. */
record RunRequested(UUID labId) {
}
