/**
 * Authentication by API token: the secret's format and hash, and the authenticator that checks a secret
 * against the database on every request (so a revoked token or a disabled user holds at once).
 */
package dev.labforge.access.token;
