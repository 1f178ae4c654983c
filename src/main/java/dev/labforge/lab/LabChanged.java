package dev.labforge.lab;

import java.util.UUID;

/** A lab was defined, redefined or deleted; published after the change is committed. */
public record LabChanged(UUID labId, Change change) {

    public enum Change { DEFINED, REDEFINED, DELETED }
}
