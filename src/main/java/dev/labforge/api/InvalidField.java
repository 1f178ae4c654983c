package dev.labforge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a problem's {@code errors} list.
 *
 * @param pointer   RFC 6901 pointer into the request body, when the error is in the body
 * @param parameter name of the query or path parameter, when the error is there
 * @param rule      stable name of the broken rule, when one applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvalidField(String pointer, String parameter, String detail, String rule) {

    public static InvalidField at(String pointer, String detail) {
        return new InvalidField(pointer, null, detail, null);
    }

    public static InvalidField rule(String pointer, String rule, String detail) {
        return new InvalidField(pointer, null, detail, rule);
    }

    public static InvalidField parameter(String name, String detail) {
        return new InvalidField(null, name, detail, null);
    }
}
