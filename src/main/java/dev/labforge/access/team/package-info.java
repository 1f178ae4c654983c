/**
 * Team management: the team endpoints, their views and the store behind {@link dev.labforge.access.Teams}.
 */
package dev.labforge.access.team;
