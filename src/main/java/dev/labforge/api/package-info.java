/**
 * HTTP concerns every module shares: the problem types (RFC 9457) and the one place that turns
 * exceptions into problem documents, request size limits, and the OpenAPI description. No business
 * rules live here.
 */
package dev.labforge.api;
