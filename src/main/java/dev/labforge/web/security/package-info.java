/** The headers every page and asset carries: the Content-Security-Policy and its companions. */
package dev.labforge.web.security;
