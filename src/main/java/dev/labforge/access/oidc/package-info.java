/**
 * Single sign-on with OpenID Connect: the provider's settings and keys, verification of its tokens,
 * the sign-in flow, linking its identities to LabForge users and mirroring its groups into team memberships.
 */
package dev.labforge.access.oidc;
