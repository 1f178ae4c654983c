package dev.labforge.lab;

import java.util.Optional;
import java.util.UUID;

/** Implemented by whatever runs labs, so that a lab's answer carries its live state. */
public interface LabStatusSource {

    Optional<LabStatus> statusOf(UUID labId);
}
