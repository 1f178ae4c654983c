/**
 * Who is calling and what they may do: users, their API tokens, single sign-on with OpenID
 * Connect, teams and their roles, the permission levels labs are shared with, and the audit log.
 *
 * <p>Its public faces: {@link dev.labforge.access.Caller}, which controllers receive as a
 * parameter; {@link dev.labforge.access.Teams} and {@link dev.labforge.access.UserDirectory} for
 * modules that resolve names; {@link dev.labforge.access.AuditLog} for every module that records
 * an action. Which labs a caller may see is decided in the lab module, from these facts.
 */
package dev.labforge.access;
