package dev.labforge.lab;

/** A Kubernetes Node was added, removed or changed (its labels or allocatable resources, say). */
public record NodesChanged(String node) {
}
