package dev.labforge.access.team;

import dev.labforge.access.TeamRole;

import java.util.UUID;

/** One membership; {@code source} is "manual" (managed over the API) or "idp" (follows a groups claim). */
record TeamMember(UUID userId, String username, TeamRole role, String source) {
}
