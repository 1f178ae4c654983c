/**
 * Who is calling: users, their personal API tokens, and how a request is authenticated.
 *
 * <p>Its public face is {@link dev.labforge.access.Caller}, which controllers receive as a
 * parameter. Teams, sharing and single sign-on will grow here; other modules only ever ask the
 * caller who it is.
 */
package dev.labforge.access;
