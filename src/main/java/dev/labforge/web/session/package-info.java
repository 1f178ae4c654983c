/** Signing in to the web page with an API token, the session cookie, CSRF checks for page forms, signing out. */
package dev.labforge.web.session;
