/**
 * Where LabForge keeps its data: the configured PostgreSQL server, or, when none is configured, an
 * embedded PostgreSQL (real binaries) whose data directory survives restarts.
 */
package dev.labforge.database;
