package dev.labforge.cluster.lifecycle;

import java.util.UUID;

/** Someone asked a lab or node to start, stop, restart or go away; published after commit. */
public record RunRequested(UUID labId) {
}
