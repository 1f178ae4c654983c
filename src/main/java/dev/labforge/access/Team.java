package dev.labforge.access;

import java.time.Instant;
import java.util.UUID;

/** A group of users that can own labs and receive grants. */
public record Team(UUID id, String name, String displayName, String idpGroup, Instant createdAt) {
}
