package dev.labforge.containerlab;

/**
 * The text is not a containerlab topology this service can read: not YAML, the wrong shape, or a value of the
 * wrong type. Problems that only make the lab invalid (unknown images, bad names) are left to the validator.
 */
public final class ContainerlabFormatException extends RuntimeException {

    private final String pointer;

    public ContainerlabFormatException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    /** RFC 6901 pointer into the YAML document; "" when the problem concerns the document as a whole. */
    public String pointer() {
        return pointer;
    }
}
