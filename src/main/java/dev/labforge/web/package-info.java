/**
 * The web page: server-rendered pages (Thymeleaf templates in {@code templates/}) whose small scripts
 * ({@code static/assets/}) call the REST API as the person signed in. {@code session}: sign-in with an API token, the
 * session cookie, CSRF and sign-out; {@code security}: the headers every page carries; {@code lab}: the engineer's
 * pages; {@code course}: the classroom pages; {@code admin}: the administrator's pages. Pages hold no business
 * rules: what a page shows and allows comes from the same API calls a script could make.
 */
package dev.labforge.web;
