/**
 * Who is calling and what they may do: users, their API tokens, single sign-on with OpenID
 * Connect, teams and their roles, the permission levels labs are shared with, and the audit log.
 *
 * <p>Its public faces: {@link dev.labforge.access.Caller}, which controllers receive as a
 * parameter; {@link dev.labforge.access.Credentials} for requests that outlive their start (event
 * streams) to ask whether the caller still holds; {@link dev.labforge.access.Teams} and
 * {@link dev.labforge.access.UserDirectory} for modules that resolve names;
 * {@link dev.labforge.access.AuditLog} for every module that records an action;
 * {@link dev.labforge.access.UserHoldings}, which modules owning things on a user's behalf implement.
 * Which labs a caller may see is decided in the lab module, from these facts.
 *
 * <p>Its concerns live in sub-packages, which the rest of the application does not import (but for the
 * sign-in pages in {@code web.session}, which use {@code oidc.OidcSignIn}):
 * {@code token} (authentication by API token), {@code user} (users and their tokens' management),
 * {@code team} (team management) and {@code oidc} (single sign-on); token &lt;- user &lt;- team, oidc, without
 * cycles ({@code ModularityTest}).
 *
 * <p>Nothing here caches what the database says about a caller: a revoked token, a disabled user
 * or a removed admin flag holds at the next request on every replica.
 */
package dev.labforge.access;
