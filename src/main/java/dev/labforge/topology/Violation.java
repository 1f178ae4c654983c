package dev.labforge.topology;

/**
 * One broken rule.
 *
 * @param pointer RFC 6901 JSON pointer to the offending field of the lab document
 * @param rule    stable name of the rule, for clients that act on it
 * @param message what is wrong, for people
 */
public record Violation(String pointer, String rule, String message) {
}
