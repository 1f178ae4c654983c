/**
 * The administrator's pages: the image catalog, capacity pools, quotas, users and their tokens, the audit log. Each
 * is refused (403) to a session that is not an administrator's, and like every page it is a frame its script fills
 * from /api/v1, which checks again: the page offers nothing the API would not do for the person signed in.
 */
package dev.labforge.web.admin;
